/** Benchmark placeholder, replaced by the sim work. */
export async function run(): Promise<void> {
  console.log('(not yet implemented)');
}
