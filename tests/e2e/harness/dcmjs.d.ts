// Minimal types for the parts of dcmjs 0.51.1 the e2e harness uses (dcmjs ships no types).
declare module 'dcmjs' {
  export const data: {
    DicomMetaDictionary: {
      denaturalizeDataset(dataset: Record<string, unknown>): Record<string, unknown>;
      naturalizeDataset(dataset: Record<string, unknown>): Record<string, unknown>;
      uid(): string;
    };
    DicomDict: new (meta: Record<string, unknown>) => { dict: Record<string, unknown>; write(options?: { fragmentMultiframe?: boolean }): ArrayBuffer };
    DicomMessage: { readFile(buffer: ArrayBuffer): { meta: Record<string, unknown>; dict: Record<string, unknown> } };
  };
  const dcmjs: { data: typeof data };
  export default dcmjs;
}
