using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsMeta.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArticleDocumentBodyPrefix : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyPrefix",
                table: "ArticleDocuments",
                type: "text",
                nullable: true);

            // Out of line and uncompressed: kept in the row (compressed), the prefix doubled the table a list
            // page reads its twenty stored summaries from; a search reads it without decompressing.
            migrationBuilder.Sql("""
                ALTER TABLE "ArticleDocuments" ALTER COLUMN "BodyPrefix" SET STORAGE EXTERNAL;
                """);

            // Documents already stored get their body's start as the writer stores it (SearchHighlights.Prefix:
            // the first 1,200 characters and one more); the same statement on both databases.
            migrationBuilder.Sql("""
                UPDATE "ArticleDocuments" SET "BodyPrefix" = (SELECT substr(a."Body", 1, 1201) FROM "Articles" AS a WHERE a."Id" = "ArticleDocuments"."Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BodyPrefix",
                table: "ArticleDocuments");
        }
    }
}
