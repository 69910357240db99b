char? answer = 'b';    // your answer: a letter, e.g. 'a', in place of null
Lesson01.Concepts.Q4.Check(answer)
