// Uploading one file to the media library, with its progress.
import { freshToken } from "./api.js";

/** POST the file with XMLHttpRequest: fetch cannot report an upload's progress. */
export async function upload(file, onProgress) {
  const token = await freshToken(5 * 60_000); // good for what may be a long upload
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/v1/media/upload");
    request.setRequestHeader("Authorization", `Bearer ${token}`);
    request.setRequestHeader("X-Postflow-Client", "web");
    request.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    request.onload = () => {
      let body = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // not JSON: said below
      }
      if (request.status >= 200 && request.status < 300) resolve(body.items[0]);
      else reject(new Error(body?.error?.message || `The upload failed (${request.status})`));
    };
    request.onerror = () => reject(new Error("The upload was cut off: check your connection and try again."));
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
}
