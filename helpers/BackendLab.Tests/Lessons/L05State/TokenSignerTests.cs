namespace BackendLab.Tests.Lessons.L05State;

public class TokenSignerTests
{
    sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
        public void Advance(TimeSpan by) => now += by;
    }

    public record Cart(string[] Items);

    [Fact]
    public void AnyInstanceWithTheKeyReadsTheToken()
    {
        var key = TokenSigner.NewKey();
        var token = new TokenSigner(key).Sign(new Cart(["tea", "milk"]), TimeSpan.FromMinutes(5));
        var check = new TokenSigner(key).Read<Cart>(token);
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(["tea", "milk"], check.Payload!.Items);
        Assert.Contains("\"tea\"", TokenSigner.Peek(token));   // signed, not secret
    }

    [Fact]
    public void ATamperedTokenOrAnotherKeyIsRefused()
    {
        var signer = new TokenSigner(TokenSigner.NewKey());
        var token = signer.Sign(new Cart(["tea"]), TimeSpan.FromMinutes(5));
        var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(TokenSigner.Peek(token).Replace("tea", "gold")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_') + token[token.IndexOf('.')..];
        Assert.StartsWith("bad signature", signer.Read<Cart>(forged).Reason);
        Assert.StartsWith("bad signature", new TokenSigner(TokenSigner.NewKey()).Read<Cart>(token).Reason);
        Assert.Equal("no token", signer.Read<Cart>(null).Reason);
        Assert.False(signer.Read<Cart>("garbage").IsValid);
    }

    [Fact]
    public void ATokenStaysValidUntilItExpiresEvenAfterLogout()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var signer = new TokenSigner(TokenSigner.NewKey(), clock);
        var token = signer.Sign(new Cart(["tea"]), TimeSpan.FromMinutes(15));
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.True(signer.Read<Cart>(token).IsValid);   // nothing on the server can take it back…
        clock.Advance(TimeSpan.FromMinutes(1));
        var late = signer.Read<Cart>(token);
        Assert.False(late.IsValid);                      // …only time does
        Assert.Equal("expired", late.Reason);
    }

    [Fact]
    public void ShortKeysAreRefused() =>
        Assert.Contains("32 random bytes", Assert.Throws<ArgumentException>(() => new TokenSigner(new byte[8])).Message);
}
