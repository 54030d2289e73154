/*
 * Plain C reference for the machine benchmark (bench/machine.bench.ts, `limbound bench machine`): the same
 * synchronous Euler–Maruyama step of n coupled bistable cells as src/machine/kernel.ts (advance): coupling
 * fields f = K·x from a CSR matrix (rows sorted by column, both triangles, K = w of a MAX-CUT edge list),
 * then per cell the force −((4a4x² + 2a2)x + λ(f + K_ii x) + μg), one normal from the replica's
 * xoshiro128** stream (same hash seeding, same 256-layer ziggurat), the Sekimoto work split into barrier
 * and coupling parts, and the hysteresis bit-flip count. Controls: the cell E_b(x² − 1)² and λ ramping
 * linearly from 0 to λ1 over the run, tabulated per chunk of 1024 steps as the JS kernel does; a step that
 * ends beyond the reflecting walls at ±WALL ("inf": none) is reflected back and clamped, as there. Given the
 * JavaScript ziggurat tables (ZIGGURAT_FILE), the printed work and flips equal the JS run's for the same
 * seed and replica to the last bit (only the slow path's exp/log come from libm; they decide rare draws).
 *
 * Build: gcc -O2 -o machine_ref machine_ref.c -lm
 * Run:   ./machine_ref GRAPH steps dt barrier lambda1 seed replica WALL [ZIGGURAT_FILE]
 * Prints one JSON line: cell_updates_per_s, work_kT, checksum, flips, n, steps.
 *
 * Algorithms: xoshiro128** (Blackman & Vigna, ACM TOMS 47, 36, 2021); lowbias32 hash (Wellons 2018);
 * ziggurat (Marsaglia & Tsang, J. Stat. Softw. 5(8), 2000).
 */
#define _POSIX_C_SOURCE 199309L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define LAYERS 256
#define CHUNK 1024
#define CHANNELS 5
static const double ZR = 3.6541528853610088;
static const double ZV = 0.00492867323399;
static double ZX[LAYERS + 1], ZF[LAYERS + 1], ZW[LAYERS];

/*
 * The layer edges X and heights f(X) = exp(−X²/2), computed here, or read from `path` (257 lines "X f" in
 * %.17g, as written by the benchmark from src/sim/rng.ts): libm's exp differs from V8's in the last bit for
 * some arguments, and a table that differs by one ulp changes every normal drawn from that layer.
 */
static int build_tables(const char *path) {
  if (path) {
    FILE *fp = fopen(path, "r");
    if (!fp) return 0;
    for (int i = 0; i <= LAYERS; i++)
      if (fscanf(fp, "%lf %lf", &ZX[i], &ZF[i]) != 2) { fclose(fp); return 0; }
    fclose(fp);
  } else {
    ZX[0] = ZV / exp(-0.5 * ZR * ZR);
    ZX[1] = ZR;
    for (int i = 1; i < LAYERS - 1; i++) ZX[i + 1] = sqrt(-2 * log(ZV / ZX[i] + exp(-0.5 * ZX[i] * ZX[i])));
    ZX[LAYERS] = 0;
    for (int i = 0; i <= LAYERS; i++) ZF[i] = exp(-0.5 * ZX[i] * ZX[i]);
  }
  for (int i = 0; i < LAYERS; i++) ZW[i] = ZX[i] / 8388608.0;
  return 1;
}

static uint32_t mix32(uint32_t h) {
  h ^= h >> 16;
  h *= 0x7feb352du;
  h ^= h >> 15;
  h *= 0x846ca68bu;
  h ^= h >> 16;
  return h;
}

static void seed_stream(double seed, double index, uint32_t *s) {
  uint32_t seed_lo = (uint32_t)fmod(seed, 4294967296.0);
  uint32_t seed_hi = (uint32_t)floor(seed / 4294967296.0);
  uint32_t key = mix32(mix32(seed_lo ^ 0x9e3779b9u) ^ mix32(seed_hi + 0x7f4a7c15u));
  uint32_t idx_lo = (uint32_t)fmod(index, 4294967296.0);
  uint32_t idx_hi = (uint32_t)floor(index / 4294967296.0);
  uint32_t base = mix32(key ^ mix32(idx_lo + 0x632be5abu)) ^ mix32(idx_hi + 0x85ebca6bu);
  uint32_t any = 0;
  for (uint32_t j = 0; j < 4; j++) {
    s[j] = mix32(mix32(base + (j + 1) * 0x9e3779b9u) ^ key);
    any |= s[j];
  }
  if (!any) s[0] = 1;
}

static inline int32_t next32(uint32_t *s) {
  uint32_t m = s[1] * 5u;
  uint32_t r = ((m << 7) | (m >> 25)) * 9u;
  uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = (s[3] << 11) | (s[3] >> 21);
  return (int32_t)r;
}

static double open_unit(uint32_t *s) { return ((double)(uint32_t)next32(s) + 0.5) * 2.3283064365386963e-10; }

static double normal_slow(uint32_t *s, int32_t r) {
  for (;;) {
    int i = r & 255;
    double u = (double)(r >> 8) + 0.5;
    double z = u * ZW[i];
    if (fabs(z) < ZX[i + 1]) return z;
    if (i == 0) {
      for (;;) {
        double a = -log(open_unit(s)) / ZR;
        double b = -log(open_unit(s));
        if (b + b >= a * a) return u < 0 ? -(ZR + a) : ZR + a;
      }
    }
    double y = ZF[i] + open_unit(s) * (ZF[i + 1] - ZF[i]);
    if (y < exp(-0.5 * z * z)) return z;
    r = next32(s);
  }
}

typedef struct { int a, b; double w; } Entry;

static int by_row_col(const void *p, const void *q) {
  const Entry *x = p, *y = q;
  if (x->a != y->a) return x->a < y->a ? -1 : 1;
  return (x->b > y->b) - (x->b < y->b);
}

int main(int argc, char **argv) {
  if (argc < 9) {
    fprintf(stderr, "usage: machine_ref GRAPH steps dt barrier lambda1 seed replica WALL [ZIGGURAT_FILE]\n");
    return 2;
  }
  FILE *fp = fopen(argv[1], "r");
  if (!fp) { fprintf(stderr, "cannot open %s\n", argv[1]); return 2; }
  long steps = atol(argv[2]);
  double dt_in = atof(argv[3]), barrier = atof(argv[4]), lambda1 = atof(argv[5]), seed = atof(argv[6]), replica = atof(argv[7]), wall = atof(argv[8]);
  const int walled = wall < INFINITY;
  int n, m;
  if (fscanf(fp, "%d %d", &n, &m) != 2) return 2;
  Entry *e = malloc(sizeof(Entry) * 2 * (size_t)m);
  for (int k = 0; k < m; k++) {
    int i, j;
    double w;
    if (fscanf(fp, "%d %d %lf", &i, &j, &w) != 3) return 2;
    e[2 * k] = (Entry){i - 1, j - 1, w};
    e[2 * k + 1] = (Entry){j - 1, i - 1, w};
  }
  fclose(fp);
  qsort(e, 2 * (size_t)m, sizeof(Entry), by_row_col);
  int *row = calloc((size_t)n + 1, sizeof(int)), *col = malloc(sizeof(int) * 2 * (size_t)m);
  double *val = malloc(sizeof(double) * 2 * (size_t)m);
  for (int k = 0; k < 2 * m; k++) {
    row[e[k].a + 1]++;
    col[k] = e[k].b;
    val[k] = e[k].w;
  }
  for (int i = 0; i < n; i++) row[i + 1] += row[i];
  double *X = malloc(sizeof(double) * n), *F = malloc(sizeof(double) * n), *diag = calloc(n, sizeof(double)), *g = calloc(n, sizeof(double));
  signed char *S = malloc(n);
  if (!build_tables(argc > 9 ? argv[9] : NULL)) { fprintf(stderr, "cannot read the ziggurat tables %s\n", argv[9]); return 2; }
  uint32_t R[4];
  seed_stream(seed, replica, R);
  /* Start in the wells, random bits (one draw per cell, as the JS set-up). */
  const double well = wall < 1.0 ? wall : 1.0;
  for (int i = 0; i < n; i++) X[i] = next32(R) < 0 ? -well : well;
  for (int i = 0; i < n; i++) S[i] = X[i] < 0 ? -1 : 1;
  const double duration = steps * dt_in;
  const long total = (long)llround(duration / dt_in);
  const double dt = duration / (double)total;
  const double hysteresis = 0.5;
  static double T[CHANNELS * (CHUNK + 1)];
  const int stride = CHUNK + 1;
  double wb = 0, wc = 0, flips = 0;
  struct timespec t0, t1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
  for (long done = 0; done < total; done += CHUNK) {
    long cnt = total - done < CHUNK ? total - done : CHUNK;
    /* Chunk start plus j steps, rounded as ControlTable.fill does (segment start + done·dt, then + j·dt). */
    const double chunk_start = 0 + (double)done * dt;
    for (long j = 0; j <= cnt; j++) {
      double t = chunk_start + (double)j * dt;
      double lam;
      if (t <= 0) lam = 0;
      else if (t >= duration) lam = lambda1;
      else lam = 0 + (lambda1 - 0) * ((t - 0) / (duration - 0));
      T[0 * stride + j] = barrier;
      T[1 * stride + j] = -2 * barrier * 1;
      T[2 * stride + j] = barrier * 1 * 1;
      T[3 * stride + j] = lam;
      T[4 * stride + j] = 1;
    }
    const double noise = sqrt(2 * dt);
    double b4 = T[0], b2 = T[stride], b0 = T[2 * stride], bl = T[3 * stride], bm = T[4 * stride];
    for (long k = 1; k <= cnt; k++) {
      double c4 = T[k], c2 = T[stride + k], c0 = T[2 * stride + k], lam = T[3 * stride + k], mu = T[4 * stride + k];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int q = row[i]; q < row[i + 1]; q++) s += val[q] * X[col[q]];
        F[i] = s;
      }
      double sum4 = 0, sum2 = 0, quad = 0, lin = 0;
      const double c4x4 = 4 * c4, c2x2 = 2 * c2;
      for (int i = 0; i < n; i++) {
        double x = X[i], x2 = x * x;
        sum4 += x2 * x2;
        sum2 += x2;
        double fi = F[i] + diag[i] * x, gi = g[i];
        quad += x * fi;
        lin += gi * x;
        double force = -((c4x4 * x2 + c2x2) * x + lam * fi + mu * gi);
        int32_t r = next32(R);
        int layer = r & 255;
        double z = ((double)(r >> 8) + 0.5) * ZW[layer];
        if (fabs(z) >= ZX[layer + 1]) z = normal_slow(R, r);
        double y = x + force * dt + noise * z;
        if (walled) {
          /* Reflection off the upper wall, then the lower, as in the kernel. */
          y = wall - fabs(wall - y);
          y = fabs(y + wall) - wall;
          if (wall < y) y = wall;
        }
        X[i] = y;
        if (S[i] > 0) {
          if (y <= -hysteresis) { S[i] = -1; flips++; }
        } else if (y >= hysteresis) { S[i] = 1; flips++; }
      }
      wb += (c4 - b4) * sum4 + (c2 - b2) * sum2 + n * (c0 - b0);
      wc += (lam - bl) * 0.5 * quad + (mu - bm) * lin;
      b4 = c4; b2 = c2; b0 = c0; bl = lam; bm = mu;
    }
  }
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
  double seconds = (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec);
  double checksum = 0;
  for (int i = 0; i < n; i++) checksum += X[i];
  printf("{\"cell_updates_per_s\": %.6e, \"work_kT\": %.17g, \"checksum\": %.17g, \"flips\": %.0f, \"n\": %d, \"steps\": %ld}\n", (double)n * total / seconds, wb + wc, checksum, flips, n, total);
  return 0;
}
