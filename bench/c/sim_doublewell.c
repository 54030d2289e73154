/*
 * Plain C reference for the simulator benchmark (bench/sim.bench.ts): the same Euler–Maruyama kernel as
 * src/sim/engine.ts (polynomial potential, Sekimoto work accounting, core-to-core transition counting),
 * the same per-particle xoshiro128** streams seeded by the same hash, the same 256-layer ziggurat and the
 * same workload (Landauer erasure in E_s(x² − s)² − f·x: lower, tilt, raise, untilt), with controls
 * tabulated per chunk of 2048 steps, and the same start: the rejection sampler of src/sim/protocols.ts
 * (boltzmannSampler) on the support src/sim/potentials.ts computes (U − U_min < 45 kT). Single thread.
 * With the same libm results for exp/log, mean_work_kT equals the JS run's for the same particles.
 *
 * Build: gcc -O2 -o sim_doublewell sim_doublewell.c -lm
 * Run:   ./sim_doublewell [particles] [duration] [dt] [seed] [barrier] [tilt]
 * Prints one JSON line: particle_steps_per_s, mean_work_kT, particles, steps.
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
#define CHUNK 2048
static const double ZR = 3.6541528853610088;
static const double ZV = 0.00492867323399;
static double ZX[LAYERS + 1], ZF[LAYERS + 1], ZW[LAYERS];

static void build_tables(void) {
  ZX[0] = ZV / exp(-0.5 * ZR * ZR);
  ZX[1] = ZR;
  for (int i = 1; i < LAYERS - 1; i++) ZX[i + 1] = sqrt(-2 * log(ZV / ZX[i] + exp(-0.5 * ZX[i] * ZX[i])));
  ZX[LAYERS] = 0;
  for (int i = 0; i <= LAYERS; i++) ZF[i] = exp(-0.5 * ZX[i] * ZX[i]);
  for (int i = 0; i < LAYERS; i++) ZW[i] = ZX[i] / 8388608.0;
}

static uint32_t mix32(uint32_t h) {
  h ^= h >> 16;
  h *= 0x7feb352du;
  h ^= h >> 15;
  h *= 0x846ca68bu;
  h ^= h >> 16;
  return h;
}

static void seed_particle(double seed, double index, uint32_t *s) {
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

static double unit53(uint32_t *s) {
  uint32_t a = (uint32_t)next32(s) >> 5;
  uint32_t b = (uint32_t)next32(s) >> 6;
  return ((double)a * 67108864.0 + (double)b) * 1.1102230246251565e-16;
}

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

/* U of the polynomial family, evaluated in the same order as polynomialEnergy in src/sim/potentials.ts. */
static double poly_energy(double x, const double *c) {
  double x2 = x * x;
  return c[0] * x2 * x2 + c[1] * x2 + c[2] * x + c[3];
}

/* minimumEnergy (src/sim/potentials.ts): grid of 4001 points on [lo, hi], then golden-section search. */
static double minimum_energy(const double *c, double lo, double hi) {
  const int points = 4001;
  double h = (hi - lo) / (points - 1), best_u = INFINITY;
  int best = 0;
  for (int i = 0; i < points; i++) {
    double v = poly_energy(lo + i * h, c);
    if (v < best_u) { best_u = v; best = i; }
  }
  double a = fmax(lo, lo + (best - 1) * h), b = fmin(hi, lo + (best + 1) * h);
  const double phi = (sqrt(5.0) - 1) / 2;
  for (int iter = 0; iter < 80; iter++) {
    double cc = b - phi * (b - a), d = a + phi * (b - a);
    if (poly_energy(cc, c) < poly_energy(d, c)) b = d; else a = cc;
  }
  return fmin(best_u, poly_energy(0.5 * (a + b), c));
}

/* boltzmannSupport (src/sim/potentials.ts): [lo, hi] shrunk to where U − umin ≤ 45, plus one grid step. */
static void boltzmann_support(const double *c, double lo, double hi, double umin, double *from, double *to) {
  const int points = 4001;
  double h = (hi - lo) / (points - 1);
  int first = 0, last = points - 1;
  while (first < points - 1 && poly_energy(lo + first * h, c) - umin > 45) first++;
  while (last > 0 && poly_energy(lo + last * h, c) - umin > 45) last--;
  *from = fmax(lo, lo + (first - 1) * h);
  *to = fmin(hi, lo + (last + 1) * h);
}

/* Erasure controls at step k: four phases of q steps, quartic coefficients (a4, a2, a1, a0). */
static void controls_at(long k, long q, double scale, double tilt, double *c) {
  long p = k <= q ? 0 : k <= 2 * q ? 1 : k <= 3 * q ? 2 : 3;
  double tau = (double)(k - p * q) / (double)q;
  double shape, f;
  switch (p) {
    case 0: shape = 1 - tau; f = 0; break;
    case 1: shape = 0; f = -tilt * tau; break;
    case 2: shape = tau; f = -tilt; break;
    default: shape = 1; f = -tilt * (1 - tau); break;
  }
  c[0] = scale;
  c[1] = -2 * scale * shape;
  c[2] = -f;
  c[3] = scale * shape * shape;
}

int main(int argc, char **argv) {
  long particles = argc > 1 ? atol(argv[1]) : 256;
  double duration = argc > 2 ? atof(argv[2]) : 10;
  double dt = argc > 3 ? atof(argv[3]) : 2e-4;
  double seed = argc > 4 ? atof(argv[4]) : 1;
  double scale = argc > 5 ? atof(argv[5]) : 12;
  double tilt = argc > 6 ? atof(argv[6]) : 3;
  build_tables();
  long q = lround(duration / 4 / dt);
  long steps = 4 * q;
  double *x = malloc(sizeof(double) * particles);
  double *w = malloc(sizeof(double) * particles);
  int *side = malloc(sizeof(int) * particles);
  double *tr = malloc(sizeof(double) * particles);
  uint32_t *rng = malloc(sizeof(uint32_t) * 4 * particles);
  double *tab = malloc(sizeof(double) * 4 * (CHUNK + 1));
  /* Start: equilibrium of scale·(x² − 1)² over both wells, as boltzmannSampler(energy, −3, 3) draws it. */
  double c0[4];
  controls_at(0, q, scale, tilt, c0);
  double umin = minimum_energy(c0, -3, 3) - 1e-9, lo, hi;
  boltzmann_support(c0, -3, 3, umin, &lo, &hi);
  for (long p = 0; p < particles; p++) {
    uint32_t *s = rng + 4 * p;
    seed_particle(seed, (double)p, s);
    for (;;) {
      double xx = lo + (hi - lo) * unit53(s);
      if (unit53(s) < exp(-(poly_energy(xx, c0) - umin))) { x[p] = xx; break; }
    }
    w[p] = 0;
    side[p] = x[p] < 0 ? -1 : 1;
    tr[p] = 0;
  }
  const double noise = sqrt(2 * dt), xc = 1;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long done = 0; done < steps; done += CHUNK) {
    long n = steps - done < CHUNK ? steps - done : CHUNK;
    double *A4 = tab, *A2 = tab + (CHUNK + 1), *A1 = tab + 2 * (CHUNK + 1), *A0 = tab + 3 * (CHUNK + 1);
    for (long i = 0; i <= n; i++) {
      double c[4];
      controls_at(done + i, q, scale, tilt, c);
      A4[i] = c[0]; A2[i] = c[1]; A1[i] = c[2]; A0[i] = c[3];
    }
    for (long p = 0; p < particles; p++) {
      uint32_t *s = rng + 4 * p;
      double xp = x[p], wp = w[p], trp = tr[p];
      int sd = side[p];
      double b4 = A4[0], b2 = A2[0], b1 = A1[0], b0 = A0[0];
      for (long k = 1; k <= n; k++) {
        double c4 = A4[k], c2 = A2[k], c1 = A1[k], c0 = A0[k];
        double x2 = xp * xp;
        wp += (c4 - b4) * x2 * x2 + (c2 - b2) * x2 + (c1 - b1) * xp + (c0 - b0);
        double force = -((4 * c4 * x2 + 2 * c2) * xp + c1);
        b4 = c4; b2 = c2; b1 = c1; b0 = c0;
        int32_t r = next32(s);
        int i = r & 255;
        double z = ((double)(r >> 8) + 0.5) * ZW[i];
        if (fabs(z) >= ZX[i + 1]) z = normal_slow(s, r);
        xp += force * dt + noise * z;
        if (sd < 0) {
          if (xp >= xc) { sd = 1; trp++; }
        } else if (xp <= -xc) { sd = -1; trp++; }
      }
      x[p] = xp; w[p] = wp; side[p] = sd; tr[p] = trp;
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double seconds = (double)(t1.tv_sec - t0.tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0.tv_nsec);
  double mean = 0;
  for (long p = 0; p < particles; p++) mean += w[p];
  mean /= (double)particles;
  printf("{\"particle_steps_per_s\": %.6g, \"mean_work_kT\": %.6f, \"particles\": %ld, \"steps\": %ld, \"seconds\": %.4f}\n",
         (double)particles * (double)steps / seconds, mean, particles, steps, seconds);
  free(x); free(w); free(side); free(tr); free(rng); free(tab);
  return 0;
}
