/**
 * Stacks overlapping windows into lanes (first fit, by start): two trucks booked into the same
 * door at the same time must both stay visible, because that is a conflict someone has to solve.
 */
export function assignLanes<T extends { slotStart: number; slotEnd: number }>(
  slots: readonly T[],
): { lanes: number; placed: { slot: T; lane: number }[] } {
  const laneEnds: number[] = [];
  const placed = [...slots]
    .sort((a, b) => a.slotStart - b.slotStart)
    .map((slot) => {
      let lane = laneEnds.findIndex((end) => end <= slot.slotStart);
      if (lane === -1) {
        lane = laneEnds.length;
        laneEnds.push(slot.slotEnd);
      } else {
        laneEnds[lane] = slot.slotEnd;
      }
      return { slot, lane };
    });
  return { lanes: Math.max(1, laneEnds.length), placed };
}
