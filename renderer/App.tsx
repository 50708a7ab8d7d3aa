/** Placeholder popover: the real ticket view arrives with the renderer issue. */
export function App() {
  return (
    <main>
      <h1>Zoho Ticket Tray</h1>
      <p>Keeps your Zoho CRM API ticket fresh. Use the zoho-ticket command line while the app view is built.</p>
    </main>
  );
}
