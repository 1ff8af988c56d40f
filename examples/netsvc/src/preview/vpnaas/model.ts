/** VPN as a service (preview): the data model. The shape may still change. */
export type IkeVersion = 'v1' | 'v2';

export interface VpnService {
  id: string;
  routerId: string;
  subnetId: string;
  name: string;
}

export interface IpsecSiteConnection {
  id: string;
  vpnServiceId: string;
  peerAddress: string;
  peerCidrs: string[];
  ikeVersion: IkeVersion;
  psk: string;
}

/** Tables created by migration 0003. */
export const VPNAAS_TABLES = ['vpnservices', 'ipsec_site_connections'] as const;
