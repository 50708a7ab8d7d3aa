import { describe, expect, it } from 'vitest';
import { REDACTED, redactUrl, scrubSecrets } from '../../../main/engine/redact';

describe('redactUrl', () => {
  it('redacts PASSWORD and ticket values in any case, keeping the rest', () => {
    expect(redactUrl('https://accounts.zoho.com/login?servicename=ZohoCRM&LOGIN_ID=a%40b.c&PASSWORD=s3cr%26t&FROM_AGENT=true')).toBe(
      `https://accounts.zoho.com/login?servicename=ZohoCRM&LOGIN_ID=a%40b.c&PASSWORD=${REDACTED}&FROM_AGENT=true`,
    );
    expect(redactUrl('https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=k&ticket=abc')).toBe(
      `https://crm.zoho.com/crm/private/json/Leads/getRecords?apikey=k&ticket=${REDACTED}`,
    );
    expect(redactUrl('http://x.test/?password=a&Password=b&pass%77ord=c')).toBe(
      `http://x.test/?password=${REDACTED}&Password=${REDACTED}&pass%77ord=${REDACTED}`,
    );
  });

  it('redacts user info and works on a bare form body', () => {
    expect(redactUrl('https://me:pw@x.test/a')).toBe(`https://${REDACTED}@x.test/a`);
    expect(redactUrl('LOGIN_ID=a&PASSWORD=b')).toBe(`LOGIN_ID=a&PASSWORD=${REDACTED}`);
  });
});

describe('scrubSecrets', () => {
  it('removes a secret as typed, form-encoded and percent-encoded', () => {
    const pw = 'p&ss=w#rd+ü %2B';
    const text = `echo ${pw} / ${encodeURIComponent(pw)} / ${new URLSearchParams({ a: pw }).toString().slice(2)}`;
    const scrubbed = scrubSecrets(text, [pw]);
    expect(scrubbed).toBe(`echo ${REDACTED} / ${REDACTED} / ${REDACTED}`);
  });

  it('ignores empty and missing secrets', () => {
    expect(scrubSecrets('hello', ['', undefined])).toBe('hello');
  });
});
