using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BackendLab.Lessons.L05State;

/// <summary>
/// Signed client tokens (Lesson 5): the server hands the client its state, signed with HMAC-SHA256, and any instance
/// holding the same key can check it — no shared store needed. The price: the server cannot take a token back before
/// it expires (revoking one needs a deny list, which is shared state again).
/// <code>
/// var signer = new TokenSigner(key);
/// var token = signer.Sign(new Cart(["tea"]), TimeSpan.FromMinutes(30));
/// signer.Read&lt;Cart&gt;(token).Payload
/// </code>
/// Format: <c>base64url(json) "." base64url(hmac)</c>, where the JSON holds the payload, an id and the expiry time.
/// (ASP.NET Core's Data Protection does the same job and also encrypts; we sign by hand here so every step is visible.)
/// </summary>
public sealed class TokenSigner
{
    readonly byte[] _key;
    readonly TimeProvider _time;

    /// <summary>A signer with <paramref name="key"/> (at least 32 bytes). Instances that must accept each other's tokens share the key.</summary>
    /// <param name="key">The secret key. Keep it on the server.</param>
    /// <param name="time">The clock used for expiry. Default: the system clock.</param>
    public TokenSigner(byte[] key, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32) throw new ArgumentException("Use a key of at least 32 random bytes, e.g. RandomNumberGenerator.GetBytes(32).", nameof(key));
        _key = key.ToArray();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>32 fresh random bytes, suitable as a key.</summary>
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>Signs <paramref name="payload"/>; the token is valid for <paramref name="lifetime"/>.</summary>
    public string Sign<T>(T payload, TimeSpan lifetime)
    {
        var body = new TokenBody<T>(Guid.NewGuid().ToString("N"), _time.GetUtcNow().Add(lifetime).ToUnixTimeMilliseconds(), payload);
        var json = JsonSerializer.SerializeToUtf8Bytes(body);
        return Base64Url(json) + "." + Base64Url(HMACSHA256.HashData(_key, json));
    }

    /// <summary>
    /// Checks <paramref name="token"/>'s signature and expiry and reads its payload. Never throws for a bad token:
    /// the result says what is wrong.
    /// </summary>
    public TokenCheck<T> Read<T>(string? token)
    {
        if (string.IsNullOrEmpty(token)) return new(false, "no token", default, null);
        var parts = token.Split('.');
        if (parts.Length != 2) return new(false, "not a token (expected two parts separated by a dot)", default, null);
        byte[] json, signature;
        try { (json, signature) = (FromBase64Url(parts[0]), FromBase64Url(parts[1])); }
        catch (FormatException) { return new(false, "not a token (bad base64url)", default, null); }
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, json)))
            return new(false, "bad signature: the token was changed, or signed with another key", default, null);
        var body = JsonSerializer.Deserialize<TokenBody<T>>(json)!;
        if (_time.GetUtcNow().ToUnixTimeMilliseconds() >= body.Exp) return new(false, "expired", body.Data, body.Id);
        return new(true, "valid", body.Data, body.Id);
    }

    /// <summary>What is inside a token, without checking anything: a token is signed, not encrypted, so anyone can read it.</summary>
    public static string Peek(string token) => Encoding.UTF8.GetString(FromBase64Url(token.Split('.')[0]));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    sealed record TokenBody<T>(string Id, long Exp, T Data);
}

/// <summary>The result of <see cref="TokenSigner.Read{T}"/>.</summary>
/// <param name="IsValid">True when the signature matches and the token has not expired.</param>
/// <param name="Reason">"valid", "expired", "bad signature…", "no token"…</param>
/// <param name="Payload">The payload (also for an expired token; default when the token could not be read).</param>
/// <param name="Id">The token's unique id (for a deny list), or null when it could not be read.</param>
public sealed record TokenCheck<T>(bool IsValid, string Reason, T? Payload, string? Id);
