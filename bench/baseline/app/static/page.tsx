// A static page: prerendered at build time, served from the build's cache.
export default function StaticPage() {
  return (
    <main>
      <h1>Baseline</h1>
      <p>A static page of a bare Next.js app, for the benchmarks to compare the portal&apos;s pages with.</p>
    </main>
  );
}
