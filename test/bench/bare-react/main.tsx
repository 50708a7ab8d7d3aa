// The benchmark's baseline: React 19 rendering a trivial component, built the same way as the renderer.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root') as HTMLElement).render(<h1>Hello</h1>);
