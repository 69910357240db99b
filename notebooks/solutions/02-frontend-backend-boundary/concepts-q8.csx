// Your answer: a number, in place of null.
Lesson02.Concepts.Q8.Check(answer: 20)
