// Your answer: a letter, e.g. 'a', in place of null.
Lesson03.Concepts.Q1.Check(answer: 'c')
