/** The sidecar file's name: `<source file name>.annotations.yaml` next to the source (see sidecar.ts). Its own module so that path checks do not load the YAML libraries. */
export const SIDECAR_SUFFIX = '.annotations.yaml';
