char? answer = 'a';    // your answer: a letter, e.g. 'a', in place of null
Lesson00.Concepts.Q2.Check(answer)
