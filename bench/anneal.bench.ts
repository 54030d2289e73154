/** Benchmark placeholder, replaced by the anneal work. */
export async function run(): Promise<void> {
  console.log('(not yet implemented)');
}
