import type { ZohoTicketTrayApi } from '../preload/bridge';

declare global {
  interface Window {
    /** The preload's intent API; absent when the page is opened outside the app. */
    readonly zohoTicketTray?: ZohoTicketTrayApi;
  }
}
