/**
 * Empties Cache Storage and IndexedDB for this origin. Sign-out also sends Clear-Site-Data;
 * doing it here too covers browsers that ignore that header.
 */
export async function clearDeviceData(): Promise<void> {
  if ("caches" in window) await Promise.all((await caches.keys()).map((k) => caches.delete(k)));
  if ("indexedDB" in window && typeof indexedDB.databases === "function") {
    const dbs = await indexedDB.databases();
    await Promise.all(dbs.map((d) => d.name && new Promise((r) => { const req = indexedDB.deleteDatabase(d.name!); req.onsuccess = req.onerror = req.onblocked = r; })));
  }
  sessionStorage.clear();
  localStorage.clear();
}
