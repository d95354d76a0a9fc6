/** Read a picked file as text, or null when nothing was picked. */
export async function pickedFileText(input: HTMLInputElement): Promise<{ name: string; text: string } | null> {
  const file = input.files?.[0];
  if (!file) return null;
  const text = await file.text();
  input.value = '';
  return { name: file.name, text };
}
