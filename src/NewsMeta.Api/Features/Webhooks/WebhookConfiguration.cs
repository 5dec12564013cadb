using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsMeta.Api.Common.Auth;

namespace NewsMeta.Api.Features.Webhooks;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> b)
    {
        b.Property(s => s.Url).HasMaxLength(2048);
        b.Property(s => s.Events).HasMaxLength(200);
        b.Property(s => s.Secret).HasMaxLength(200);
        b.Property(s => s.OwnerKeyId).HasMaxLength(KeyIds.MaxLength);
        b.HasIndex(s => new { s.OwnerKeyId, s.Id });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(d => d.Event).HasMaxLength(32);
        b.Property(d => d.ExternalId).HasMaxLength(200);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(d => d.LastError).HasMaxLength(500);
        b.Property(d => d.LeaseHolder).HasMaxLength(64);
        b.HasOne(d => d.Subscription).WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // The dispatcher's claim: due pending deliveries, oldest first.
        b.HasIndex(d => new { d.Status, d.NextAttemptAt, d.Id });
        // A subscription's delivery log, newest first.
        b.HasIndex(d => new { d.SubscriptionId, d.Id });
    }
}
