namespace Marketplace.Tourism.Domain;

/// <summary>A date a cooperative cancelled while shoppers had booked it: recorded against it (keyed by the slot, once).</summary>
internal sealed class HostCancellation
{
    public Guid Id { get; set; }
    public Guid CooperativeId { get; set; }
    public Guid ExperienceId { get; set; }
    public int Bookings { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
