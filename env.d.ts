// Build flags of our own on import.meta.env (WXT declares its own in .wxt/types/globals.d.ts).
interface ImportMetaEnv {
  /** True only in bench/run.mjs's build (ARVIO_BENCH=1, see wxt.config.ts): the bench's hooks (bench/hooks.ts) are compiled in. */
  readonly ARVIO_BENCH?: boolean;
}
