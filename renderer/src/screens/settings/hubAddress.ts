/** https anywhere; plain http only to this computer (the same rule main applies to hub.connect). */
export function hubAddressAllowed(text: string): boolean {
  try {
    const { protocol, hostname } = new URL(text.trim());
    if (protocol === 'https:') return true;
    return protocol === 'http:' && (hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname));
  } catch {
    return false;
  }
}
