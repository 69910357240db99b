namespace BackendLab;

/// <summary>What a check concluded about an exercise answer.</summary>
public enum CheckOutcome
{
    /// <summary>The answer does what was asked.</summary>
    Correct,
    /// <summary>The answer was tried but does not do what was asked yet; the message says what differs.</summary>
    Incorrect,
    /// <summary>The starter code is still there (it throws <see cref="NotImplementedException"/> or gives the placeholder value).</summary>
    NotAttempted,
}
