/** Benchmark placeholder, replaced by the estimate work. */
export async function run(): Promise<void> {
  console.log('(not yet implemented)');
}
