/**
 * Code a widget loads only when it is used (the R11 panel, the JSON-LD writer): fetched the
 * first time it is asked for and kept; a load that failed (offline, blocked) is tried again the
 * next time, and the widget itself is unaffected.
 */
export interface OnDemand<M> {
  /** The module, loading it if need be. */
  get(): Promise<M>;
  /** The module if it has arrived, else `undefined`. */
  loaded(): M | undefined;
}

export function onDemand<M>(load: () => Promise<M>): OnDemand<M> {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    get() {
      loading ??= load().then(
        (arrived) => (module = arrived),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => module,
  };
}
