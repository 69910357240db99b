IResult PostReview(ReviewForm review)
{
    var errors = new Dictionary<string, string[]>();
    if (review.Product is null || !Shop.Catalog.ContainsKey(review.Product))
        errors["Product"] = ["Choose one of: book, mug, shirt."];
    if (review.Stars is < 1 or > 5)
        errors["Stars"] = ["Give 1 to 5 stars."];
    if (string.IsNullOrWhiteSpace(review.Text) || review.Text.Length > 500)
        errors["Text"] = ["Write 1 to 500 characters."];

    if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
    return TypedResults.Created("/reviews/1", review);
}

await Lesson02.Q1.Check(PostReview)
