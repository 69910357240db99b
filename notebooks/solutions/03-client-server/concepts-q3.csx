// Your answer: a number, in place of null.
Lesson03.Concepts.Q3.Check(answer: 50)
