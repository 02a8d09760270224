/** Whether the process is shutting down: new requests are turned away while in-flight ones finish. */
export interface Lifecycle {
  isDraining(): boolean;
  drain(): void;
}

export function createLifecycle(): Lifecycle {
  let draining = false;
  return {
    isDraining: () => draining,
    drain: () => {
      draining = true;
    },
  };
}
