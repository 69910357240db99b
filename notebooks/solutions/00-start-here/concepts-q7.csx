// Your answer: a number, in place of null.
Lesson00.Concepts.Q7.Check(answer: 200)
