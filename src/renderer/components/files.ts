/** Reads a chosen or dropped file as base64 for the contract (JSON over IPC or HTTP). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves a file the core made (a template, rejected rows) through the browser's download. */
export function saveBase64File(fileName: string, contentBase64: string): void {
  saveFile(
    fileName,
    Uint8Array.from(atob(contentBase64), (char) => char.charCodeAt(0)),
  );
}

/** Saves bytes made here (a table's export) the same way: a download the user can keep. */
export function saveFile(fileName: string, bytes: Uint8Array, type = xlsxType): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
