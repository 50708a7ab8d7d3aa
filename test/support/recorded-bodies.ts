/**
 * Response bodies as recorded from accounts.zoho.com (shared/zoho-protocol.md), byte for byte, plus the
 * refusal shape seen on the sibling authtoken endpoint.
 */

/** The 2011 recording (the 2012 one has the same shape). */
export const RECORDED_2011 = '#\n#Fri May 20 08:27:30 PDT 2011\nGETUSERNAME=null\nWARNING=null\nPASS_EXPIRY=-1\nTICKET=c1eea66055af5d42b8b1ab0d1171c9c4\nRESULT=TRUE\n';

/** Tickets seen in other recordings, with the stamps where known. */
export const RECORDED_TICKETS = [
  { ticket: '69617ea2200f689765ac4e1b44233128', stamp: 'Tue Mar 13 02:11:54 PDT 2012' },
  { ticket: '89433f747b864d4013ee6ba6cc9eda79', stamp: 'Wed Aug 10 11:02:41 PDT 2011' },
  { ticket: '3da08fd10867a6114f70090982878cbc', stamp: 'Mon Nov 02 03:49:58 PST 2009' },
] as const;

/** A success body in the recorded shape. */
export function successBody(ticket: string, stamp = 'Fri May 20 08:27:30 PDT 2011'): string {
  return `#\n#${stamp}\nGETUSERNAME=null\nWARNING=null\nPASS_EXPIRY=-1\nTICKET=${ticket}\nRESULT=TRUE\n`;
}

/** A refusal with CAUSE, as the authtoken endpoint sent it. */
export function refusalByCauseBody(cause: string, stamp = 'Fri May 20 08:27:30 PDT 2011'): string {
  return `#\n#${stamp}\nCAUSE=${cause}\nRESULT=FALSE\n`;
}

/** A refusal whose reason comes in WARNING, as some public clients expected. */
export function refusalByWarningBody(warning: string, stamp = 'Fri May 20 08:27:30 PDT 2011'): string {
  return `#\n#${stamp}\nGETUSERNAME=null\nWARNING=${warning}\nPASS_EXPIRY=-1\nTICKET=null\nRESULT=FALSE\n`;
}

/** A login page such as a captive portal or Zoho's own web sign-in would send. */
export const HTML_LOGIN_PAGE =
  '<!DOCTYPE html>\n<html><head><title>Zoho Accounts</title></head>\n<body><form action="/signin">RESULT=TRUE TICKET=abc</form></body></html>\n';
