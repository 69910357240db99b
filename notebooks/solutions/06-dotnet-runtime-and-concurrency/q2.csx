// The store runs 4 queries at once: 4 permits keep it busy. A queue of 4 means a request waits
// behind at most 8 others, about 8 ÷ 4 × 20 ms = 40 ms, before its own 20 ms query.
int permitLimit = 4;
int queueLimit = 4;

await Lesson06.Q2.Check(permitLimit, queueLimit)
