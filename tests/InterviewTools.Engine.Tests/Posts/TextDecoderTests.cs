using System;
using System.Linq;
using System.Text;
using InterviewTools.Engine.Posts;
using Xunit;

namespace InterviewTools.Engine.Tests.Posts
{
    public sealed class TextDecoderTests
    {
        private const string Chinese = "【字节大模型一面】面经\n1. 什么是 GQA？\n2. RoPE 如何外推？";

        static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        [Fact]
        public void Utf8WithoutBom()
        {
            var decoded = TextDecoder.Decode("a.txt", Encoding.UTF8.GetBytes(Chinese));
            Assert.Equal(Chinese, decoded.Text);
            Assert.Equal("utf-8", decoded.EncodingName);
            Assert.Empty(decoded.Warnings);
        }

        [Fact]
        public void Utf8WithBomDropsTheBom()
        {
            var decoded = TextDecoder.Decode("a.txt", new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Chinese)).ToArray());
            Assert.Equal(Chinese, decoded.Text);
            Assert.Equal("utf-8-bom", decoded.EncodingName);
        }

        [Theory]
        [InlineData(false, "utf-16le")]
        [InlineData(true, "utf-16be")]
        public void Utf16WithBom(bool bigEndian, string expectedName)
        {
            var encoding = new UnicodeEncoding(bigEndian, true);
            var decoded = TextDecoder.Decode("a.txt", encoding.GetPreamble().Concat(encoding.GetBytes(Chinese)).ToArray());
            Assert.Equal(Chinese, decoded.Text);
            Assert.Equal(expectedName, decoded.EncodingName);
        }

        [Theory]
        [InlineData(false, "utf-16le")]
        [InlineData(true, "utf-16be")]
        public void Utf16WithoutBomIsReadWithAWarning(bool bigEndian, string expectedName)
        {
            var decoded = TextDecoder.Decode("nobom.txt", new UnicodeEncoding(bigEndian, false).GetBytes(Chinese));
            Assert.Equal(Chinese, decoded.Text);
            Assert.Equal(expectedName, decoded.EncodingName);
            Assert.Contains("no byte order mark", Assert.Single(decoded.Warnings));
        }

        [Fact]
        public void Utf32BigEndianWithBom()
        {
            var encoding = new UTF32Encoding(true, true);
            var decoded = TextDecoder.Decode("a.txt", encoding.GetPreamble().Concat(encoding.GetBytes(Chinese)).ToArray());
            Assert.Equal(Chinese, decoded.Text);
            Assert.Equal("utf-32be", decoded.EncodingName);
        }

        [Fact]
        public void Gb18030IsRecognisedWithoutAnyMarker()
        {
            var gbk = Encoding.GetEncoding(54936).GetBytes(Chinese);
            var decoded = TextDecoder.Decode("a.txt", gbk);
            Assert.Equal(Chinese, decoded.Text);
            Assert.Equal("gb18030", decoded.EncodingName);
        }

        [Fact]
        public void ShortGbkPostIsNotMistakenForUtf8()
        {
            var decoded = TextDecoder.Decode("a.txt", Encoding.GetEncoding(936).GetBytes("微调"));
            Assert.Equal("微调", decoded.Text);
        }

        [Fact]
        public void LoneInvalidBytesInUtf8AreDroppedWithAWarningNamingTheOffset()
        {
            var good = Encoding.UTF8.GetBytes(Chinese);
            var withGlitch = good.Take(10).Concat(new byte[] { 0xFF }).Concat(good.Skip(10)).ToArray();

            var decoded = TextDecoder.Decode("glitch.txt", withGlitch);

            Assert.Equal("utf-8", decoded.EncodingName);
            Assert.DoesNotContain('\uFFFD', decoded.Text);
            Assert.Contains("什么是 GQA", decoded.Text);
            var warning = Assert.Single(decoded.Warnings);
            Assert.Contains("glitch.txt", warning);
            Assert.Contains("0xA", warning);
        }

        [Theory]
        [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 })]
        [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 })]
        [InlineData(new byte[] { 0x41, 0x42, 0x00, 0x43 })]
        [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x04, 0x05, 0x41 })]
        public void BinaryContentIsRefused(byte[] bytes)
        {
            var e = Assert.Throws<PostReadException>(() => TextDecoder.Decode("blob.bin", bytes));
            Assert.Equal(PostProblem.Binary, e.Problem);
            Assert.Contains("blob.bin", e.Message);
        }
    }
}
