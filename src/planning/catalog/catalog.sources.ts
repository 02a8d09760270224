// Every clinical value in the catalog names where it comes from, so a clinic can see why.
// `engine_choice` marks values the team chose where no published figure exists; the rationale says so.

export const SOURCE_IDS = [
  'manuplan_reference',
  'engine_choice',
  'jospt_neck_2017',
  'farrar_2001',
  'abbott_schmitt_2014',
  'ostelo_2008',
  'dworkin_2008',
  'young_2009',
  'sorensen_2013',
  'franchignoni_2014',
  'binkley_1999',
  'cohen_1983',
  'norman_2003',
  'cfr_38_4_71a',
  'gajdosik_1987',
  'batavia_2004',
  'ernst_2003',
  'ahcpr_1994',
  'ifompt_2020',
  'wells_1997',
  'stiell_2001',
  'sherman_2014',
  'acp_2017',
  'nice_ng59_2016',
  'nice_ng89_2018',
  'french_2006',
  'sinaki_1984',
  'foldi_lymphology',
  'wound_healing',
  'cms_benefit_policy_ch15',
  'cms_claims_ch5',
  'ncci_manual_therapy',
  'snomed_ct',
  'loinc',
  'acc_aha_2017',
  'eular_2016',
  'nice_ng226_2022',
  'oarsi_2019',
  'coombes_2015',
  'rathleff_2015',
  'digiovanni_2003',
  'alfredson_1998',
  'silbernagel_2007',
  'hupperets_2009',
  'roy_2009',
  'paul_2004',
  'van_der_horst_2015',
  'sinaki_2002',
  'nice_ng210_2021',
  'iwgdf_2019',
  'who_2020',
  'bayer_2017',
  'askling_2013',
  'dupuy_2018',
  'basson_2017',
] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export const SOURCES: Record<SourceId, string> = {
  manuplan_reference:
    'Manuplan clinical reference v1: conservative consensus of massage contraindications, red flags, measures and dose gathered from the public sources below.',
  engine_choice: 'Manuplan engine choice where no published value exists; each use is explained in the plan rationale.',
  jospt_neck_2017:
    'Blanpied PR et al. Neck Pain: Revision 2017. Clinical Practice Guidelines. J Orthop Sports Phys Ther 2017;47(7):A1–A83 (acute < 6 weeks, subacute 6–12, chronic > 12).',
  farrar_2001:
    'Farrar JT et al. Clinical importance of changes in chronic pain intensity measured on an 11-point numerical pain rating scale. Pain 2001;94:149–158 (MCID 2 points or 30 %).',
  abbott_schmitt_2014:
    'Abbott JH, Schmitt JS. Minimum important differences for the PSFS, 4 region-specific outcome measures and the NPRS. J Orthop Sports Phys Ther 2014;44(8):560–564.',
  ostelo_2008:
    'Ostelo RW et al. Interpreting change scores for pain and functional status in low back pain. Spine 2008;33(1):90–94 (30 % improvement as minimal important change).',
  dworkin_2008:
    'Dworkin RH et al. Interpreting the clinical importance of treatment outcomes in chronic pain clinical trials: IMMPACT recommendations. J Pain 2008;9(2):105–121 (≥ 50 % substantial).',
  young_2009:
    'Young BA et al. Responsiveness of the Neck Disability Index in patients with mechanical neck disorders. Spine J 2009;9(10):802–808 (MCID 7.5 points, MDC 10.2).',
  sorensen_2013:
    'Sorensen AA et al. Minimal clinically important differences of 3 patient-rated outcomes instruments. J Hand Surg Am 2013;38(4):641–649 (QuickDASH 14).',
  franchignoni_2014:
    'Franchignoni F et al. Minimal clinically important difference of the DASH and QuickDASH. J Orthop Sports Phys Ther 2014;44(1):30–39 (QuickDASH 15.9).',
  binkley_1999: 'Binkley JM et al. The Lower Extremity Functional Scale (LEFS). Phys Ther 1999;79(4):371–383 (MCID 9 points).',
  cohen_1983:
    'Cohen S, Kamarck T, Mermelstein R. A global measure of perceived stress. J Health Soc Behav 1983;24:385–396 (PSS; bands 0–13 low, 14–26 moderate, 27–40 high as commonly used).',
  norman_2003:
    'Norman GR, Sloan JA, Wyrwich KW. Interpretation of changes in health-related quality of life: the remarkable universality of half a standard deviation. Med Care 2003;41(5):582–592.',
  cfr_38_4_71a: '38 CFR § 4.71a, Plates I–V: normal ranges of motion (VA Schedule for Rating Disabilities). Other norm tables differ.',
  gajdosik_1987:
    'Gajdosik RL, Bohannon RW. Clinical measurement of range of motion: review of goniometry emphasizing reliability and validity. Phys Ther 1987;67(12):1867–1872.',
  batavia_2004:
    'Batavia M. Contraindications for therapeutic massage: do sources agree? J Bodyw Mov Ther 2004;8:48–57 (21 texts listed 3 to 86 contraindications).',
  ernst_2003: 'Ernst E. The safety of massage therapy. Rheumatology 2003;42:1101–1106.',
  ahcpr_1994: 'Bigos S et al. Acute Low Back Problems in Adults. Clinical Practice Guideline No. 14. AHCPR Publication 95-0642, 1994 (red flags).',
  ifompt_2020:
    'Rushton A et al. International Framework for Examination of the Cervical Region for potential of vascular pathologies of the neck prior to musculoskeletal intervention. IFOMPT 2020.',
  wells_1997: 'Wells PS et al. Value of assessment of pretest probability of deep-vein thrombosis in clinical management. Lancet 1997;350:1795–1798.',
  stiell_2001: 'Stiell IG et al. The Canadian C-spine rule for radiography in alert and stable trauma patients. JAMA 2001;286(15):1841–1848.',
  sherman_2014:
    'Sherman KJ et al. Determining optimal treatment dose of therapeutic massage for chronic neck pain. Ann Fam Med 2014;12(2):112–120 (60 min 2–3×/week for 4 weeks; 30 min no better than wait-list).',
  acp_2017:
    'Qaseem A et al. Noninvasive treatments for acute, subacute, and chronic low back pain: a clinical practice guideline from the American College of Physicians. Ann Intern Med 2017;166(7):514–530.',
  nice_ng59_2016:
    'NICE guideline NG59. Low back pain and sciatica in over 16s: assessment and management. 2016 (advice to stay active; exercise for chronic pain).',
  nice_ng89_2018:
    'NICE guideline NG89. Venous thromboembolism in over 16s: reducing the risk of hospital-acquired deep vein thrombosis or pulmonary embolism. 2018, updated 2019 (encourage people to mobilise as soon as possible).',
  french_2006: 'French SD et al. Superficial heat or cold for low back pain. Cochrane Database Syst Rev 2006;(1):CD004750.',
  sinaki_1984:
    'Sinaki M, Mikkelsen BA. Postmenopausal spinal osteoporosis: flexion versus extension exercises. Arch Phys Med Rehabil 1984;65:593–596 (flexion exercises raised vertebral fracture rates).',
  foldi_lymphology:
    'Földi M, Földi E. Földi’s Textbook of Lymphology. Elsevier (contraindications of manual lymphatic drainage: cardiac oedema, acute infection, DVT).',
  wound_healing:
    'Phases of wound healing as taught in surgical texts: incisions close in about 10–14 days (suture removal), the proliferative phase lasts to about 6 weeks, remodelling follows.',
  cms_benefit_policy_ch15:
    'CMS Medicare Benefit Policy Manual, chapter 15, § 220: plan of care certified for at most 90 days; progress report at least every 10 treatment days.',
  cms_claims_ch5: 'CMS Medicare Claims Processing Manual, chapter 5, § 20.2: timed codes and the 8-minute rule.',
  ncci_manual_therapy: 'CPT / NCCI: 97124 (massage) and 97140 (manual therapy) are not reported for the same body region in the same session.',
  snomed_ct: 'SNOMED CT International, body structure hierarchy. Codes marked "verify" were seen in public material and need checking in a licensed browser.',
  acc_aha_2017:
    'Whelton PK et al. 2017 ACC/AHA guideline for the prevention, detection, evaluation, and management of high blood pressure in adults. Hypertension 2018;71:e13–e115 (hypertensive crisis ≥ 180/120).',
  eular_2016:
    'Macfarlane GJ et al. EULAR revised recommendations for the management of fibromyalgia. Ann Rheum Dis 2017;76:318–328 (graded aerobic exercise has the strongest evidence).',
  loinc: 'LOINC (Regenstrief Institute). 72514-3 pain severity 0–10; codes marked "verify" differ between public sources.',
  nice_ng226_2022:
    'NICE guideline NG226. Osteoarthritis in over 16s: diagnosis and management. 2022 (therapeutic exercise — local muscle strengthening and general aerobic fitness — and walking as core treatment).',
  oarsi_2019:
    'Bannuru RR et al. OARSI guidelines for the non-surgical management of knee, hip, and polyarticular osteoarthritis. Osteoarthritis Cartilage 2019;27(11):1578–1589 (structured land-based exercise: core treatment).',
  coombes_2015:
    'Coombes BK, Bisset L, Vicenzino B. Management of lateral elbow tendinopathy: one size does not fit all. J Orthop Sports Phys Ther 2015;45(11):938–949 (progressive loading: isometric, then isotonic/eccentric; grip and workload changes).',
  rathleff_2015:
    'Rathleff MS et al. High-load strength training improves outcome in patients with plantar fasciitis: a randomized controlled trial with 12-month follow-up. Scand J Med Sci Sports 2015;25(3):e292–e300 (single-leg heel raise, towel under the toes, 3 s up, 2 s hold, 3 s down; 12 → 10 → 8 repetition maximum, every second day).',
  digiovanni_2003:
    'DiGiovanni BF et al. Tissue-specific plantar fascia-stretching exercise enhances outcomes in patients with chronic heel pain. J Bone Joint Surg Am 2003;85(7):1270–1277 (10 × 10 s, 3 times a day).',
  alfredson_1998:
    'Alfredson H et al. Heavy-load eccentric calf muscle training for the treatment of chronic Achilles tendinosis. Am J Sports Med 1998;26(3):360–366 (3 × 15, knee straight and bent, twice a day for 12 weeks).',
  silbernagel_2007:
    'Silbernagel KG et al. Continued sports activity, using a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy. Am J Sports Med 2007;35(6):897–906 (progressive calf loading, pain ≤ 5/10 allowed).',
  hupperets_2009:
    'Hupperets MDW, Verhagen EALM, van Mechelen W. Effect of unsupervised home based proprioceptive training on recurrences of ankle sprain: randomised controlled trial. BMJ 2009;339:b2684 (8-week home balance program, 3 sessions a week).',
  roy_2009:
    'Roy JS, MacDermid JC, Woodhouse LJ. Measuring shoulder function: a systematic review of four questionnaires. Arthritis Rheum 2009;61(5):623–632 (SPADI minimal clinically important difference 8–13 points).',
  paul_2004:
    'Paul A et al. A comparison of four shoulder-specific questionnaires in primary care. Ann Rheum Dis 2004;63(10):1293–1299 (SPADI responsive in primary care shoulder pain).',
  van_der_horst_2015:
    'van der Horst N et al. The preventive effect of the Nordic hamstring exercise on hamstring injuries in amateur soccer players: a randomized controlled trial. Am J Sports Med 2015;43(6):1316–1323.',
  sinaki_2002:
    'Sinaki M et al. Stronger back muscles reduce the incidence of vertebral fractures: a prospective 10 year follow-up of postmenopausal women. Bone 2002;30(6):836–841 (back extensor strengthening).',
  nice_ng210_2021:
    'NICE guideline NG210. Pelvic floor dysfunction: prevention and non-surgical management. 2021 (pelvic floor muscle training offered in pregnancy).',
  iwgdf_2019:
    'Schaper NC et al. Practical guidelines on the prevention and management of diabetic foot disease (IWGDF 2019 update). Diabetes Metab Res Rev 2020;36(S1):e3266 (daily foot inspection, protective footwear, no barefoot walking).',
  who_2020:
    'Bull FC et al. World Health Organization 2020 guidelines on physical activity and sedentary behaviour. Br J Sports Med 2020;54:1451–1462 (older adults: balance and strength training on 3 or more days a week).',
  bayer_2017:
    'Bayer ML et al. Early versus delayed rehabilitation after acute muscle injury. N Engl J Med 2017;377:1300–1301 (loading from day 2 shortened the time to return to sport).',
  askling_2013:
    'Askling CM et al. Acute hamstring injuries in Swedish elite football: a prospective randomised controlled clinical trial comparing two rehabilitation protocols. Br J Sports Med 2013;47:953–959 (lengthening L-protocol: extender, diver, glider).',
  dupuy_2018:
    'Dupuy O et al. An evidence-based approach for choosing post-exercise recovery techniques to reduce markers of muscle damage, soreness, fatigue, and inflammation. Front Physiol 2018;9:403 (massage and active recovery for delayed-onset muscle soreness).',
  basson_2017:
    'Basson A et al. The effectiveness of neural mobilization for neuromusculoskeletal conditions: a systematic review and meta-analysis. J Orthop Sports Phys Ther 2017;47(9):593–615.',
};
