import SparkMD5 from 'spark-md5';

/** MD5 of bytes, as hex — what md5sum and DVC compute. */
export function md5(data: Uint8Array): string {
  return SparkMD5.ArrayBuffer.hash(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
}
