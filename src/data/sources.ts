/**
 * The bibliography: every number limbound ships points at one of these entries. `status` says how the
 * number was confirmed: 'primary' (datasheet, paper or model card read), 'secondary' (a page quoting the
 * primary), 'derived' (arithmetic on sourced numbers, formula given) or 'assumed' (a stated modelling
 * choice, not a sourced fact).
 */
export type SourceStatus = 'primary' | 'secondary' | 'derived' | 'assumed';

export interface Citation {
  id: string;
  authors: string;
  title: string;
  venue: string;
  year: number;
  url?: string;
  doi?: string;
  /** Licence of a dataset, where it matters for reuse. */
  licence?: string;
}

/** A number's provenance: which entry, where in it, and how sure we are. */
export interface SourceRef {
  citation: string;
  where: string;
  status: SourceStatus;
  note?: string;
}

export const CITATIONS: Record<string, Citation> = {
  si2019: { id: 'si2019', authors: 'BIPM', title: 'The International System of Units (SI), 9th edition', venue: 'Bureau International des Poids et Mesures', year: 2019, url: 'https://www.bipm.org/en/publications/si-brochure' },
  landauer1961: { id: 'landauer1961', authors: 'R. Landauer', title: 'Irreversibility and Heat Generation in the Computing Process', venue: 'IBM Journal of Research and Development 5(3), 183–191', year: 1961, doi: '10.1147/rd.53.0183' },
  berut2012: { id: 'berut2012', authors: 'A. Bérut, A. Arakelyan, A. Petrosyan, S. Ciliberto, R. Dillenschneider, E. Lutz', title: 'Experimental verification of Landauer’s principle linking information and thermodynamics', venue: 'Nature 483, 187–190', year: 2012, doi: '10.1038/nature10872' },
  aurell2012: { id: 'aurell2012', authors: 'E. Aurell, K. Gawędzki, C. Mejía-Monasterio, R. Mohayaee, P. Muratore-Ginanneschi', title: 'Refined Second Law of Thermodynamics for Fast Random Processes', venue: 'Journal of Statistical Physics 147, 487–505', year: 2012, doi: '10.1007/s10955-012-0478-x' },
  proesmans2020: { id: 'proesmans2020', authors: 'K. Proesmans, J. Ehrich, J. Bechhoefer', title: 'Finite-Time Landauer Principle', venue: 'Physical Review Letters 125, 100602', year: 2020, doi: '10.1103/PhysRevLett.125.100602' },
  neel1949: { id: 'neel1949', authors: 'L. Néel', title: 'Théorie du traînage magnétique des ferromagnétiques en grains fins avec applications aux terres cuites', venue: 'Annales de Géophysique 5, 99–136', year: 1949 },
  brown1963: { id: 'brown1963', authors: 'W. F. Brown', title: 'Thermal Fluctuations of a Single-Domain Particle', venue: 'Physical Review 130, 1677–1686', year: 1963, doi: '10.1103/PhysRev.130.1677' },
  hajek1988: { id: 'hajek1988', authors: 'B. Hajek', title: 'Cooling Schedules for Optimal Annealing', venue: 'Mathematics of Operations Research 13(2), 311–329', year: 1988, doi: '10.1287/moor.13.2.311' },
  kaplan2020: { id: 'kaplan2020', authors: 'J. Kaplan, S. McCandlish, T. Henighan, T. B. Brown, B. Chess, R. Child, S. Gray, A. Radford, J. Wu, D. Amodei', title: 'Scaling Laws for Neural Language Models', venue: 'arXiv:2001.08361', year: 2020, url: 'https://arxiv.org/abs/2001.08361' },
  chen2024lim: { id: 'chen2024lim', authors: 'Z. Chen, F. Ahsan, J. Leugering, G. Cauwenberghs, S. Chakrabartty', title: 'Energy-efficiency Limits on Training AI Systems using Learning-in-Memory / Estimation of Energy-dissipation Lower-bounds for Neuromorphic Learning-in-memory', venue: 'arXiv:2402.14878', year: 2024, url: 'https://arxiv.org/abs/2402.14878', licence: 'CC BY-NC-SA 4.0 (abstract)' },
  ho2023: { id: 'ho2023', authors: 'A. Ho, E. Erdil, T. Besiroglu', title: 'Limits to the Energy Efficiency of CMOS Microprocessors', venue: 'IEEE International Conference on Rebooting Computing (ICRC) 2023; arXiv:2312.08595', year: 2023, url: 'https://arxiv.org/abs/2312.08595' },
  horowitz2014: { id: 'horowitz2014', authors: 'M. Horowitz', title: 'Computing’s Energy Problem (and what we can do about it)', venue: 'IEEE International Solid-State Circuits Conference (ISSCC), 10–14', year: 2014, doi: '10.1109/ISSCC.2014.6757323' },
  han2016: { id: 'han2016', authors: 'S. Han, X. Liu, H. Mao, J. Pu, A. Pedram, M. A. Horowitz, W. J. Dally', title: 'EIE: Efficient Inference Engine on Compressed Deep Neural Network', venue: 'ISCA 2016 (energy table after Horowitz 2014)', year: 2016, doi: '10.1109/ISCA.2016.30' },
  oconnor2017: { id: 'oconnor2017', authors: 'M. O’Connor, N. Chatterjee, D. Lee, J. Wilson, A. Agrawal, S. W. Keckler, W. J. Dally', title: 'Fine-Grained DRAM: Energy-Efficient DRAM for Extreme Bandwidth Systems', venue: 'MICRO-50', year: 2017, doi: '10.1145/3123939.3124545' },
  samsungHbm3e: { id: 'samsungHbm3e', authors: 'Samsung Electronics (as reported by ChinaFlashMarket)', title: 'HBM4E efficiency target versus HBM3E at 3.9 pJ/bit', venue: 'en.chinaflashmarket.com/price/ews/100178', year: 2025, url: 'https://en.chinaflashmarket.com/price/ews/100178' },
  jedecDdr: { id: 'jedecDdr', authors: 'JEDEC', title: 'DDR SDRAM standards (JESD79 family): refresh period tREF = 64 ms at ≤ 85 °C', venue: 'JEDEC Solid State Technology Association', year: 2012 },
  yang2013: { id: 'yang2013', authors: 'J. J. Yang, D. B. Strukov, D. R. Stewart', title: 'Memristive devices for computing', venue: 'Nature Nanotechnology 8, 13–24 (Table 1, from ITRS 2011)', year: 2013, doi: '10.1038/nnano.2012.240' },
  hu2012me: { id: 'hu2012me', authors: 'Sci. Rep. authors (strain-mediated magnetoelectric RAM)', title: 'Table 1: write energy per bit of commercial memories', venue: 'Scientific Reports 2, 2012 (PMC3482632)', year: 2012, url: 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3482632/' },
  lee2009pcm: { id: 'lee2009pcm', authors: 'B. C. Lee, E. Ipek, O. Mutlu, D. Burger', title: 'Architecting Phase Change Memory as a Scalable DRAM Alternative', venue: 'ISCA 2009', year: 2009, doi: '10.1145/1555754.1555758' },
  mehta2021: { id: 'mehta2021', authors: 'D. Mehta, M. Rahman, K. Aono, S. Chakrabartty', title: 'An Adaptive Synaptic Array using Fowler-Nordheim Dynamic Analog Memory', venue: 'arXiv:2104.05926 (Nat. Commun. 13, 2022)', year: 2021, url: 'https://arxiv.org/abs/2104.05926' },
  rahman2022: { id: 'rahman2022', authors: 'M. Rahman, S. Bose, S. Chakrabartty', title: 'On-device synaptic memory consolidation using Fowler-Nordheim quantum-tunneling', venue: 'Frontiers in Neuroscience (2022); arXiv:2206.14581', year: 2022, doi: '10.3389/fnins.2022.1050585' },
  nvidiaV100: { id: 'nvidiaV100', authors: 'NVIDIA', title: 'Programming Tensor Cores in CUDA 9 (125 Tensor TFLOPS); Tesla V100 announcement, GTC 2017 (300 W); V100 SXM2 datasheet (15.7 TFLOPS FP32)', venue: 'NVIDIA Developer Blog / GTC 2017', year: 2017 },
  nvidiaA100: { id: 'nvidiaA100', authors: 'NVIDIA', title: 'NVIDIA A100 Tensor Core GPU datasheet (as tabulated at glennklockwood.com/garden/processors/A100)', venue: 'NVIDIA', year: 2020 },
  nvidiaH100: { id: 'nvidiaH100', authors: 'NVIDIA', title: 'NVIDIA H100 Tensor Core GPU datasheet, SXM5 (as tabulated at glennklockwood.com/garden/processors/h100)', venue: 'NVIDIA', year: 2022 },
  nvidiaB200: { id: 'nvidiaB200', authors: 'NVIDIA', title: 'NVIDIA Blackwell (HGX B200, 1000 W) datasheet (as tabulated at glennklockwood.com/garden/processors/B200)', venue: 'NVIDIA', year: 2024 },
  googleTpuV4: { id: 'googleTpuV4', authors: 'Google Cloud', title: 'Cloud TPU v4 documentation (275 TFLOPS BF16, 192 W max), as tabulated at glennklockwood.com/garden/tpuv4', venue: 'Google', year: 2022 },
  nvidiaH100Pcie: { id: 'nvidiaH100Pcie', authors: 'NVIDIA', title: 'NVIDIA H100 PCIe GPU product brief PB-11133-001 and H100 datasheet (PCIe column)', venue: 'NVIDIA', year: 2022 },
  nvidiaH200: { id: 'nvidiaH200', authors: 'NVIDIA', title: 'NVIDIA H200 Tensor Core GPU datasheet (SXM column)', venue: 'NVIDIA', year: 2024 },
  amdMi250x: { id: 'amdMi250x', authors: 'AMD', title: 'AMD Instinct MI250X accelerator specifications (OAM)', venue: 'amd.com', year: 2021 },
  amdMi300x: { id: 'amdMi300x', authors: 'AMD', title: 'AMD Instinct MI300X accelerator data sheet', venue: 'amd.com', year: 2023 },
  googleTpuV3: { id: 'googleTpuV3', authors: 'Google Cloud', title: 'Cloud TPU v3 documentation: 123 TFLOPS bf16, 32 GiB HBM2 at 900 GBps, measured min/mean/max power 123/220/262 W', venue: 'docs.cloud.google.com/tpu/docs/v3', year: 2024, url: 'https://cloud.google.com/tpu/docs/v3' },
  jouppi2020: { id: 'jouppi2020', authors: 'N. P. Jouppi, D. H. Yoon, G. Kurian, S. Li, N. Patil, J. Laudon, C. Young, D. Patterson', title: 'A Domain-Specific Supercomputer for Training Deep Neural Networks', venue: 'Communications of the ACM 63(7), 67–78', year: 2020, doi: '10.1145/3360307' },
  metaLlama2Card: { id: 'metaLlama2Card', authors: 'Meta', title: 'Llama 2 model card (meta-llama/llama, MODEL_CARD.md): training GPU-hours and per-GPU power 400 W', venue: 'GitHub', year: 2023 },
  dubey2024: { id: 'dubey2024', authors: 'A. Dubey et al. (Llama Team, AI @ Meta)', title: 'The Llama 3 Herd of Models', venue: 'arXiv:2407.21783', year: 2024, url: 'https://arxiv.org/abs/2407.21783' },
  bigscience2022: { id: 'bigscience2022', authors: 'BigScience Workshop', title: 'BLOOM: A 176B-Parameter Open-Access Multilingual Language Model', venue: 'arXiv:2211.05100', year: 2022, url: 'https://arxiv.org/abs/2211.05100' },
  rajbhandari2020: { id: 'rajbhandari2020', authors: 'S. Rajbhandari, J. Rasley, O. Ruwase, Y. He', title: 'ZeRO: Memory Optimizations Toward Training Trillion Parameter Models', venue: 'SC20; arXiv:1910.02054', year: 2020, url: 'https://arxiv.org/abs/1910.02054' },
  codecarbon: { id: 'codecarbon', authors: 'CodeCarbon contributors', title: 'CodeCarbon: output file emissions.csv (energy_consumed in kWh, duration in s)', venue: 'mlco2.github.io/codecarbon', year: 2024, url: 'https://mlco2.github.io/codecarbon/output.html' },
  nvidiaSmi: { id: 'nvidiaSmi', authors: 'NVIDIA', title: 'nvidia-smi documentation: --query-gpu=timestamp,power.draw --format=csv', venue: 'NVIDIA System Management Interface', year: 2024 },
  brown2020: { id: 'brown2020', authors: 'T. B. Brown et al.', title: 'Language Models are Few-Shot Learners', venue: 'NeurIPS 2020; arXiv:2005.14165 (Table D.1)', year: 2020, url: 'https://arxiv.org/abs/2005.14165' },
  patterson2021: { id: 'patterson2021', authors: 'D. Patterson, J. Gonzalez, Q. Le, C. Liang, L.-M. Munguia, D. Rothchild, D. So, M. Texier, J. Dean', title: 'Carbon Emissions and Large Neural Network Training', venue: 'arXiv:2104.10350', year: 2021, url: 'https://arxiv.org/abs/2104.10350' },
  luccioni2023: { id: 'luccioni2023', authors: 'A. S. Luccioni, S. Viguier, A.-L. Ligozat', title: 'Estimating the Carbon Footprint of BLOOM, a 176B Parameter Language Model', venue: 'Journal of Machine Learning Research 24(253), 1–15; arXiv:2211.02001', year: 2023, url: 'https://arxiv.org/abs/2211.02001' },
  touvron2023: { id: 'touvron2023', authors: 'H. Touvron et al.', title: 'Llama 2: Open Foundation and Fine-Tuned Chat Models', venue: 'arXiv:2307.09288', year: 2023, url: 'https://arxiv.org/abs/2307.09288' },
  metaLlama31: { id: 'metaLlama31', authors: 'Meta', title: 'Llama 3.1 model card (meta-llama/llama-models, models/llama3_1/MODEL_CARD.md)', venue: 'GitHub', year: 2024 },
  epochModels: { id: 'epochModels', authors: 'Epoch AI', title: 'Notable AI Models database', venue: 'epoch.ai', year: 2024, url: 'https://epoch.ai/data/notable-ai-models', licence: 'CC BY 4.0' },
  chowdhery2022: { id: 'chowdhery2022', authors: 'A. Chowdhery et al.', title: 'PaLM: Scaling Language Modeling with Pathways', venue: 'arXiv:2204.02311', year: 2022, url: 'https://arxiv.org/abs/2204.02311' },
  hoffmann2022: { id: 'hoffmann2022', authors: 'J. Hoffmann et al.', title: 'Training Compute-Optimal Large Language Models', venue: 'arXiv:2203.15556', year: 2022, url: 'https://arxiv.org/abs/2203.15556' },
  devlin2019: { id: 'devlin2019', authors: 'J. Devlin, M.-W. Chang, K. Lee, K. Toutanova', title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding', venue: 'NAACL 2019; arXiv:1810.04805', year: 2019, url: 'https://arxiv.org/abs/1810.04805' },
  he2016: { id: 'he2016', authors: 'K. He, X. Zhang, S. Ren, J. Sun', title: 'Deep Residual Learning for Image Recognition', venue: 'CVPR 2016 (Table 1)', year: 2016, doi: '10.1109/CVPR.2016.90' },
  balasubramanian2021: { id: 'balasubramanian2021', authors: 'V. Balasubramanian', title: 'Brain power', venue: 'PNAS 118(32), e2107022118', year: 2021, doi: '10.1073/pnas.2107022118' },
  limbound: { id: 'limbound', authors: 'limbound contributors', title: 'limbound: physics lower bounds on training and optimizer energy (this tool; modelling assumption stated in docs/model.md)', venue: 'software', year: 2026 },
};

/** Shorthand constructors keep the catalogs readable. */
export const primary = (citation: string, where: string, note?: string): SourceRef => ({ citation, where, status: 'primary', note });
export const secondary = (citation: string, where: string, note?: string): SourceRef => ({ citation, where, status: 'secondary', note });
export const derived = (citation: string, where: string, note?: string): SourceRef => ({ citation, where, status: 'derived', note });
export const assumed = (where: string, note?: string): SourceRef => ({ citation: 'limbound', where, status: 'assumed', note });

/** BibTeX for a set of citation ids (unknown ids are skipped). */
export function toBibtex(ids: Iterable<string>): string {
  const out: string[] = [];
  for (const id of new Set(ids)) {
    const c = CITATIONS[id];
    if (!c) continue;
    const fields: string[] = [
      // Stryker disable next-line Regex: every catalog author list separates names with ", ", and only catalog entries reach here
      `  author = {${c.authors.split(/,\s*/).join(' and ')}}`,
      `  title = {${c.title}}`,
      `  howpublished = {${c.venue}}`,
      `  year = {${c.year}}`,
    ];
    if (c.doi) fields.push(`  doi = {${c.doi}}`);
    if (c.url) fields.push(`  url = {${c.url}}`);
    if (c.licence) fields.push(`  note = {Licence: ${c.licence}}`);
    out.push(`@misc{${c.id},\n${fields.join(',\n')}\n}`);
  }
  return `${out.join('\n\n')}\n`;
}
