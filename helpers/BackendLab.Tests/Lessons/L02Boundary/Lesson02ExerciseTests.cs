using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackendLab.Tests.Lessons.L02Boundary;

public class Lesson02ExerciseTests
{
    static IResult Solution(ReviewForm review)
    {
        var errors = new Dictionary<string, string[]>();
        if (review.Product is null || !Shop.Catalog.ContainsKey(review.Product)) errors["Product"] = ["Choose one of: book, mug, shirt."];
        if (review.Stars is < 1 or > 5) errors["Stars"] = ["Give 1 to 5 stars."];
        if (string.IsNullOrWhiteSpace(review.Text) || review.Text.Length > 500) errors["Text"] = ["Write 1 to 500 characters."];
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Created("/reviews/1", review);
    }

    [Fact]
    public async Task Q1SolutionIsCorrect() =>
        Assert.Equal(CheckOutcome.Correct, (await Lesson02.Q1.Check(Solution)).Outcome);

    [Fact]
    public async Task Q1StarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson02.Q1.Check(_ => throw new NotImplementedException("your code here"))).Outcome);

    [Fact]
    public async Task Q1ForgettingTheLowerLimitIsIncorrect()
    {
        var result = await Lesson02.Q1.Check(review => review.Stars > 5
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Stars"] = ["too many"] })
            : Solution(review with { Stars = 3 }));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("`POST /reviews` with 0 stars was accepted", result.Message);
        Assert.Contains("`Stars` breaks a rule", result.Message);
    }

    [Fact]
    public async Task Q1ABadRequestWithoutAnErrorsMapIsIncorrect()
    {
        var result = await Lesson02.Q1.Check(review => review.Stars is < 1 or > 5 ? TypedResults.BadRequest("bad stars") : Solution(review));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.True(result.Message.Contains("has no `errors` map"), result.Message);
    }

    [Fact]
    public async Task Q1StoppingAtTheFirstBrokenRuleIsIncorrect()
    {
        var result = await Lesson02.Q1.Check(review =>
        {
            if (review.Product is null || !Shop.Catalog.ContainsKey(review.Product))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Product"] = ["unknown"] });
            return Solution(review);
        });
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("everything wrong at once", result.Message);
        Assert.Contains("not `Stars`, `Text`", result.Message);
    }

    static void Q2Solution(WebApplication app, ShopDb db) =>
        app.MapPost("/orders", (OrderForm form) =>
        {
            var order = db.Insert(new Order
            {
                Product = form.Product, Quantity = form.Quantity, Note = form.Note,
                PriceCents = Shop.PriceOf(form.Product!, form.Quantity),
            });
            return TypedResults.Created($"/orders/{order.Id}", order);
        });

    [Fact]
    public async Task Q2SolutionIsCorrect() =>
        Assert.Equal(CheckOutcome.Correct, (await Lesson02.Q2.Check(Q2Solution)).Outcome);

    [Fact]
    public async Task Q2StarterIsNotAttempted() =>
        Assert.Equal(CheckOutcome.NotAttempted, (await Lesson02.Q2.Check((app, db) =>
            app.MapPost("/orders", (Order order) => { throw new NotImplementedException("your code here"); }))).Outcome);

    [Fact]
    public async Task Q2PricingOnTheServerButStillBindingTheRowIsIncorrect()
    {
        var result = await Lesson02.Q2.Check((app, db) => app.MapPost("/orders", (Order order) =>
        {
            order.PriceCents = Shop.PriceOf(order.Product!, order.Quantity);
            return TypedResults.Created("/orders/1", db.Insert(order));
        }));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("`is_admin` = 1", result.Message);
    }

    [Fact]
    public async Task Q2TheNaiveHandlerIsIncorrect()
    {
        var result = await Lesson02.Q2.Check((app, db) => app.MapPost("/orders", (Order order) =>
        {
            if (!order.IsAdmin) order.PriceCents = Shop.PriceOf(order.Product!, order.Quantity);
            return TypedResults.Ok(db.InsertUnsafe(order));
        }));
        Assert.Equal(CheckOutcome.Incorrect, result.Outcome);
        Assert.Contains("is_admin", result.Message);
    }
}
