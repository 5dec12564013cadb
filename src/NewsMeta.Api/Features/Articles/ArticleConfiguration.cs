using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsMeta.Api.Features.Articles;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.Property(a => a.ExternalId).HasMaxLength(200);
        b.Property(a => a.Url).HasMaxLength(2048);
        b.Property(a => a.Slug).HasMaxLength(200);
        b.Property(a => a.Title).HasMaxLength(500);
        b.Property(a => a.NormalizedTitle).HasMaxLength(500);
        b.Property(a => a.Summary).HasMaxLength(2000);
        b.Property(a => a.Subtitle).HasMaxLength(500);
        b.Property(a => a.Language).HasMaxLength(35);
        b.Property(a => a.ContentHash).HasMaxLength(64);
        b.Property(a => a.Version).IsConcurrencyToken();

        b.HasIndex(a => a.ExternalId).IsUnique();
        b.HasIndex(a => a.Url).IsUnique();
        b.HasIndex(a => a.NormalizedTitle);
        // The lift job's question: which embargoes have passed and are not released yet.
        b.HasIndex(a => new { a.ReleasedVersion, a.EmbargoUntil });
        // Keyset pagination and the filters of GET /articles.
        b.HasIndex(a => new { a.PublishedAt, a.Id });
        b.HasIndex(a => new { a.ChangedAt, a.Id });
        b.HasIndex(a => new { a.SourceId, a.PublishedAt, a.Id });
        b.HasIndex(a => new { a.Language, a.PublishedAt, a.Id });
        // What a list by entity, keyword or section needs of each article it matched (when it was published,
        // whether a reader may see it), without reading the article's row: those lists find their articles
        // through the link table, then sort them by this (PostgreSQL's time for a page by entity fell by a third).
        b.HasIndex(a => new { a.Id, a.PublishedAt, a.ReleasedVersion });

        b.HasOne(a => a.Source).WithMany().HasForeignKey(a => a.SourceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Credits).WithOne(c => c.Article).HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Keywords).WithOne(k => k.Article).HasForeignKey(k => k.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Entities).WithOne(e => e.Article).HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Links).WithOne().HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleCreditConfiguration : IEntityTypeConfiguration<ArticleCredit>
{
    public void Configure(EntityTypeBuilder<ArticleCredit> b)
    {
        b.HasKey(c => new { c.ArticleId, c.Position });
        b.HasIndex(c => new { c.SourceId, c.ArticleId });
        b.HasOne(c => c.Source).WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleKeywordConfiguration : IEntityTypeConfiguration<ArticleKeyword>
{
    public void Configure(EntityTypeBuilder<ArticleKeyword> b)
    {
        b.HasKey(k => new { k.ArticleId, k.KeywordId });
        b.HasIndex(k => new { k.KeywordId, k.ArticleId });
        // A keyword's articles newest first (its list key): the page's keys come from this index in order.
        b.HasIndex(k => new { k.KeywordId, k.PublishedAt, k.ArticleId });
        b.Property(k => k.Origin).HasConversion<string>().HasMaxLength(16);
        b.HasOne(k => k.Keyword).WithMany().HasForeignKey(k => k.KeywordId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleEntityConfiguration : IEntityTypeConfiguration<ArticleEntity>
{
    public void Configure(EntityTypeBuilder<ArticleEntity> b)
    {
        b.HasKey(e => new { e.ArticleId, e.EntityId });
        b.HasIndex(e => new { e.EntityId, e.ArticleId });
        // An entity's articles newest first (its list key): the page's keys come from this index in order.
        b.HasIndex(e => new { e.EntityId, e.PublishedAt, e.ArticleId });
        b.Property(e => e.Origin).HasConversion<string>().HasMaxLength(16);
        b.HasOne(e => e.Entity).WithMany().HasForeignKey(e => e.EntityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleLinkConfiguration : IEntityTypeConfiguration<ArticleLink>
{
    public void Configure(EntityTypeBuilder<ArticleLink> b)
    {
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.Origin).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.TargetExternalId).HasMaxLength(200);
        b.Property(l => l.TargetUrl).HasMaxLength(2048);
        b.Property(l => l.Title).HasMaxLength(500);
        // JSON text on both providers: read whole with the link, never queried inside.
        b.Property(l => l.Reasons).HasConversion(r => r == null ? null : LinkReasons.ToJson(r), s => s == null ? null : LinkReasons.FromJson(s));
        // The links of an article in order; on PostgreSQL it also covers what offering a new similar article to
        // a candidate's list reads (its computed links' ids, targets and scores), so the candidates' wide rows
        // (reasons JSON) stay unread: 20 ms per group of writes at 20,000 articles.
        b.HasIndex(l => new { l.ArticleId, l.Position }).IncludeProperties(l => new { l.Origin, l.TargetArticleId, l.Score, l.Id });
        // Resolution of pending links when their target arrives, and SET NULL when it is deleted.
        b.HasIndex(l => l.TargetArticleId);
        // Links are found by what the publisher gave (externalId, title, url) only where it gave one. Computed
        // similar links, most of the table, give none: left out of these indexes, each is entered in three
        // indexes instead of six. Both databases use a partial index for a lookup that says the value is not
        // null (the pending-link queries do).
        b.HasIndex(l => l.TargetExternalId).HasFilter("\"TargetExternalId\" IS NOT NULL");
        b.Property(l => l.TargetTitleKey).HasMaxLength(500);
        b.HasIndex(l => l.TargetTitleKey).HasFilter("\"TargetTitleKey\" IS NOT NULL");
        b.HasIndex(l => l.TargetUrl).HasFilter("\"TargetUrl\" IS NOT NULL");
        b.HasOne(l => l.TargetArticle).WithMany().HasForeignKey(l => l.TargetArticleId).OnDelete(DeleteBehavior.SetNull);
    }
}
