// Sets of positions in a catalog list (the home-exercise library), as 32-bit words built once at
// module load, so that a plan finds its candidates by a few word unions instead of testing every
// entry. A candidate set is only a superset: the rules still test each candidate in full, in list
// order, so what a plan gets does not depend on the index.

/** The positions of a list of `size` entries, 32 to a word. */
export type IndexSet = number[];

const wordsFor = (size: number) => Math.ceil(size / 32);

function setOf(size: number, positions: Iterable<number>): IndexSet {
  const set = new Array<number>(wordsFor(size)).fill(0);
  for (const i of positions) set[i >>> 5] = (set[i >>> 5] as number) | (1 << (i & 31));
  return set;
}

/** For each bit of a 32-bit mask, the positions whose mask has it. */
function setsByBit(masks: readonly number[]): IndexSet[] {
  const sets: IndexSet[] = [];
  for (let bit = 0; bit < 32; bit++) {
    const positions: number[] = [];
    masks.forEach((m, i) => {
      if ((m & (1 << bit)) !== 0) positions.push(i);
    });
    sets.push(setOf(masks.length, positions));
  }
  return sets;
}

/** What the candidate index reads of a library entry. */
export interface IndexedEntry {
  regionMask: number;
  goalMask: number;
  /** Positions (in the presentation list) of the presentations it is written for. */
  presentations: readonly number[];
  /** Written for no region in particular. */
  general: boolean;
  /** Those of its presentations whose items are given whatever the goals in play. */
  anyGoalPresentations: readonly number[];
}

/**
 * The home-exercise candidates of a plan: entries serving one of its goals that are general, meet one
 * of its focus regions or are written for one of its presentations — every entry that can pass the
 * home program's relevance and goal tests: about 30 of the 103 over the case corpus.
 */
export class CandidateIndex {
  private readonly words: number;
  private readonly byRegion: IndexSet[];
  private readonly byGoal: IndexSet[];
  private readonly byPresentation: IndexSet[];
  /** Per presentation, the entries it brings whatever the goals. */
  private readonly byAnyGoalPresentation: IndexSet[];
  private readonly general: IndexSet;
  /** Per-plan scratch: the regions' and presentations' union, then the goals' union. */
  private readonly where: IndexSet;
  private readonly serving: IndexSet;

  constructor(entries: readonly IndexedEntry[], presentationCount: number) {
    const size = entries.length;
    this.words = wordsFor(size);
    this.byRegion = setsByBit(entries.map((e) => e.regionMask));
    this.byGoal = setsByBit(entries.map((e) => e.goalMask));
    this.byPresentation = [];
    this.byAnyGoalPresentation = [];
    for (let p = 0; p < presentationCount; p++) {
      const positions: number[] = [];
      const anyGoal: number[] = [];
      entries.forEach((e, i) => {
        if (e.presentations.includes(p)) positions.push(i);
        if (e.anyGoalPresentations.includes(p)) anyGoal.push(i);
      });
      this.byPresentation.push(setOf(size, positions));
      this.byAnyGoalPresentation.push(setOf(size, anyGoal));
    }
    const general: number[] = [];
    entries.forEach((e, i) => {
      if (e.general) general.push(i);
    });
    this.general = setOf(size, general);
    this.where = new Array<number>(this.words).fill(0);
    this.serving = new Array<number>(this.words).fill(0);
  }

  /** Positions, ascending, of the entries that may serve a plan with these regions, goals and presentations (`inPlay[p] === 1`). */
  candidates(regionMask: number, goalMask: number, inPlay: readonly number[]): number[] {
    const where = this.where;
    const serving = this.serving;
    for (let w = 0; w < this.words; w++) {
      where[w] = this.general[w] as number;
      serving[w] = 0;
    }
    for (let bits = regionMask; bits !== 0; bits &= bits - 1) union(where, this.byRegion[31 - Math.clz32(bits & -bits)] as IndexSet);
    for (let bits = goalMask; bits !== 0; bits &= bits - 1) union(serving, this.byGoal[31 - Math.clz32(bits & -bits)] as IndexSet);
    for (let p = 0; p < inPlay.length; p++) {
      if (inPlay[p] !== 1) continue;
      union(where, this.byPresentation[p] as IndexSet);
      // Written for a presentation given whatever the goals: a candidate without serving a goal.
      union(serving, this.byAnyGoalPresentation[p] as IndexSet);
    }
    const out: number[] = [];
    for (let w = 0; w < this.words; w++) {
      for (let bits = (where[w] as number) & (serving[w] as number); bits !== 0; bits &= bits - 1) out.push(w * 32 + 31 - Math.clz32(bits & -bits));
    }
    return out;
  }
}

function union(into: IndexSet, from: IndexSet): void {
  for (let w = 0; w < into.length; w++) into[w] = (into[w] as number) | (from[w] as number);
}
