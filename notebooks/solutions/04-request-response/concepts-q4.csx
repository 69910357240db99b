// Your answer: a letter, e.g. 'a', in place of null.
Lesson04.Concepts.Q4.Check(answer: 'd')
