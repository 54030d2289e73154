/*
 * Plain C reference of limbound's Metropolis sweep (src/solvers/ising/kernel.ts, sweepPacked), used by
 * bench/anneal.bench.ts to compare flip attempts per second and to check that both make the same decisions.
 *
 * Same problem layout (CSR, neighbours sorted, J = -w for MAX-CUT), same generator (xoshiro128**,
 * Blackman & Vigna 2021, seeded through the MurmurHash3 fmix32 finalizer), same initial spins, same
 * geometric schedule and acceptance rule: accept if k = s*f < 0, else draw r and accept iff r < thr[k],
 * thr[0] = 2^31 - 0.5 (zero-energy moves with probability 1/2), thr[k] = exp(-2k/T) * 2^32 - 0.5 (table per
 * sweep). Best-so-far energy is tracked at sweep ends.
 *
 * Usage: anneal_ref FILE SWEEPS SEED T0 T1
 * Prints one line: n, sweeps, seconds (process CPU time of the sweeps), flip_attempts_per_s, flips,
 * final_energy, best_energy, best_cut.
 * Build: gcc -O2 -o anneal_ref anneal_ref.c -lm
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint32_t mix32(uint32_t z) {
  z = (z ^ (z >> 16)) * 0x85ebca6bu;
  z = (z ^ (z >> 13)) * 0xc2b2ae35u;
  return z ^ (z >> 16);
}

static void seed_state(uint32_t seed, uint32_t stream, uint32_t s[4]) {
  uint32_t counter = mix32(seed) ^ ((stream + 1u) * 0x9e3779b9u);
  for (int k = 0; k < 4; k++) {
    counter += 0x9e3779b9u;
    s[k] = mix32(counter);
  }
  if ((s[0] | s[1] | s[2] | s[3]) == 0) s[0] = 1;
}

static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static inline uint32_t next_u32(uint32_t s[4]) {
  const uint32_t result = rotl(s[1] * 5u, 7) * 9u;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

typedef struct { int a, b, w; } Edge;

static int cmp_edge(const void *x, const void *y) {
  const Edge *p = x, *q = y;
  if (p->a != q->a) return p->a < q->a ? -1 : 1;
  if (p->b != q->b) return p->b < q->b ? -1 : 1;
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: %s FILE SWEEPS SEED T0 T1\n", argv[0]);
    return 2;
  }
  FILE *f = fopen(argv[1], "r");
  if (!f) { perror(argv[1]); return 2; }
  long sweeps = atol(argv[2]);
  uint32_t seed = (uint32_t)strtoul(argv[3], NULL, 10);
  double t0 = atof(argv[4]), t1 = atof(argv[5]);
  int n, m;
  if (fscanf(f, "%d %d", &n, &m) != 2) { fprintf(stderr, "bad header\n"); return 2; }
  Edge *edges = malloc(sizeof(Edge) * (size_t)m);
  for (int e = 0; e < m; e++) {
    double w;
    int a, b;
    if (fscanf(f, "%d %d %lf", &a, &b, &w) != 3) { fprintf(stderr, "bad edge %d\n", e); return 2; }
    a--; b--;
    edges[e].a = a < b ? a : b;
    edges[e].b = a < b ? b : a;
    edges[e].w = (int)w;
  }
  fclose(f);
  /* Merge duplicate pairs (summed), as the TypeScript builder does. */
  qsort(edges, (size_t)m, sizeof(Edge), cmp_edge);
  int u = 0;
  for (int e = 0; e < m; e++) {
    if (u > 0 && edges[u - 1].a == edges[e].a && edges[u - 1].b == edges[e].b) edges[u - 1].w += edges[e].w;
    else edges[u++] = edges[e];
  }
  int *deg = calloc((size_t)n + 1, sizeof(int));
  for (int e = 0; e < u; e++) { deg[edges[e].a]++; deg[edges[e].b]++; }
  int *row = calloc((size_t)n + 1, sizeof(int));
  for (int v = 0; v < n; v++) row[v + 1] = row[v] + deg[v];
  int *fill = malloc(sizeof(int) * (size_t)n);
  memcpy(fill, row, sizeof(int) * (size_t)n);
  int *col = malloc(sizeof(int) * (size_t)row[n]);
  int *J = malloc(sizeof(int) * (size_t)row[n]);
  /* Lower endpoints first, then upper: with edges sorted by (a, b) every row comes out sorted. */
  for (int e = 0; e < u; e++) { col[fill[edges[e].a]] = edges[e].b; J[fill[edges[e].a]++] = -edges[e].w; }
  for (int e = 0; e < u; e++) { col[fill[edges[e].b]] = edges[e].a; J[fill[edges[e].b]++] = -edges[e].w; }
  /* Rows of the upper pass are appended after the lower pass: sort each row by column (insertion sort). */
  for (int v = 0; v < n; v++) {
    for (int x = row[v] + 1; x < row[v + 1]; x++) {
      int c = col[x], w = J[x], y = x - 1;
      while (y >= row[v] && col[y] > c) { col[y + 1] = col[y]; J[y + 1] = J[y]; y--; }
      col[y + 1] = c; J[y + 1] = w;
    }
  }
  int maxField = 0;
  double totalW = 0;
  for (int e = 0; e < u; e++) totalW += edges[e].w;
  for (int v = 0; v < n; v++) {
    int s = 0;
    for (int k = row[v]; k < row[v + 1]; k++) s += abs(J[k]);
    if (s > maxField) maxField = s;
  }
  uint32_t st[4];
  seed_state(seed, 0, st);
  int *spin = malloc(sizeof(int) * (size_t)n);
  int *field = malloc(sizeof(int) * (size_t)n);
  for (int v = 0; v < n; v++) spin[v] = (next_u32(st) >> 31) ? 1 : -1;
  double energy = 0;
  for (int v = 0; v < n; v++) {
    int fv = 0;
    for (int k = row[v]; k < row[v + 1]; k++) fv += J[k] * spin[col[k]];
    field[v] = fv;
    energy -= 0.5 * spin[v] * fv;
  }
  double *thr = malloc(sizeof(double) * ((size_t)maxField + 1));
  double best = 1e300;
  long flips = 0;
  struct timespec a, b;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
  for (long s = 0; s < sweeps; s++) {
    double T = sweeps <= 1 ? t1 : t0 * pow(t1 / t0, (double)s / (double)(sweeps - 1));
    double beta = 2.0 / T;
    thr[0] = 0.5 * 4294967296.0 - 0.5;
    int len = 1;
    for (; len <= maxField; len++) {
      double t = exp(-len * beta) * 4294967296.0 - 0.5;
      if (!(t > 0)) break;
      thr[len] = t;
    }
    if (len < 1) len = 1;
    for (int i = 0; i < n; i++) {
      const int si = spin[i];
      const int k = si * field[i];
      int accept = k < 0;
      if (!accept && k < len) accept = next_u32(st) < thr[k];
      if (accept) {
        const int sn = -si;
        spin[i] = sn;
        const int d = 2 * sn;
        for (int e = row[i]; e < row[i + 1]; e++) field[col[e]] += d * J[e];
        energy += 2.0 * k;
        flips++;
      }
    }
    if (energy < best) best = energy;
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
  double secs = (double)(b.tv_sec - a.tv_sec) + 1e-9 * (double)(b.tv_nsec - a.tv_nsec);
  printf("n %d sweeps %ld seconds %.6f flip_attempts_per_s %.6e flips %ld final_energy %.1f best_energy %.1f best_cut %.1f\n", n, sweeps, secs,
         (double)n * (double)sweeps / secs, flips, energy, best, (totalW - best) / 2.0);
  return 0;
}
