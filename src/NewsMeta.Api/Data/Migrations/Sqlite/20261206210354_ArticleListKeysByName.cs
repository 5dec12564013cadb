using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArticleListKeysByName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "ArticleKeywords",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "ArticleEntities",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Rows stored before this migration take their article's publishedAt (the same SQL on both providers).
            migrationBuilder.Sql("""UPDATE "ArticleKeywords" SET "PublishedAt" = (SELECT a."PublishedAt" FROM "Articles" AS a WHERE a."Id" = "ArticleKeywords"."ArticleId")""");
            migrationBuilder.Sql("""UPDATE "ArticleEntities" SET "PublishedAt" = (SELECT a."PublishedAt" FROM "Articles" AS a WHERE a."Id" = "ArticleEntities"."ArticleId")""");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleKeywords_KeywordId_PublishedAt_ArticleId",
                table: "ArticleKeywords",
                columns: new[] { "KeywordId", "PublishedAt", "ArticleId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleEntities_EntityId_PublishedAt_ArticleId",
                table: "ArticleEntities",
                columns: new[] { "EntityId", "PublishedAt", "ArticleId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ArticleKeywords_KeywordId_PublishedAt_ArticleId",
                table: "ArticleKeywords");

            migrationBuilder.DropIndex(
                name: "IX_ArticleEntities_EntityId_PublishedAt_ArticleId",
                table: "ArticleEntities");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "ArticleKeywords");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "ArticleEntities");
        }
    }
}
