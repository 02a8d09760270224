/** Who asks, for which clinic, in which request: what every service call carries. */
export interface RequestContext {
  clinicId: string;
  keyId: string;
  requestId: string;
}
