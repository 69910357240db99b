// Your answer: a letter, e.g. 'a', in place of null.
Lesson02.Concepts.Q5.Check(answer: 'c')
