import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** Addresses and ranges the operator names: BOS's sources for webhooks, the reverse proxy's. */
export interface AddressList {
  allows(ip: string): boolean;
}

const V4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/** `203.0.113.7`, `203.0.113.0/24`, `2001:db8::/32`, separated by commas or spaces; a wrong entry is said, not skipped. */
export function addressList(list: string): AddressList {
  const blocks = new BlockList();
  const entries = list.split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) throw new RangeError('The list of addresses is empty.');
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : null;
    const prefix = bits === undefined ? (family === 'ipv4' ? 32 : 128) : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 'ipv4' ? 32 : 128) || (bits !== undefined && !/^\d+$/.test(bits))) {
      throw new RangeError(`"${entry}" is not an address or a range (like 203.0.113.7 or 203.0.113.0/24).`);
    }
    blocks.addSubnet(address, prefix, family);
  }
  return {
    allows(ip) {
      const v4 = V4_MAPPED.exec(ip)?.[1] ?? (isIPv4(ip) ? ip : null);
      if (v4) return blocks.check(v4, 'ipv4');
      return isIPv6(ip) && blocks.check(ip, 'ipv6');
    },
  };
}
