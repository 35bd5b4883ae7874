//! Turns an uploaded file into avatar images, refusing anything that is not a modest JPEG,
//! PNG or WebP. Decoding runs with the `image` crate's limits set, so a small file that
//! claims huge dimensions (a decompression bomb) is refused before memory is allocated.
//! Output is re-encoded from pixels, which drops EXIF, GPS and any other metadata.
//! At most one decode per core runs at once ([`process_limited`]), each capped at
//! [`MAX_ALLOC`], so a burst of uploads cannot take the memory or every core.

use std::{
    io::Cursor,
    sync::{Arc, LazyLock},
};

use tokio::sync::Semaphore;

use crate::i18n::Lang;

use image::{
    DynamicImage, ImageError, ImageFormat, ImageReader, Limits, RgbImage, codecs::jpeg::JpegEncoder,
    error::LimitErrorKind, imageops::FilterType,
};

pub const MAX_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_SIDE: u32 = 4096;
pub const LARGE: u32 = 256;
pub const SMALL: u32 = 64;
/// The most a single decode may allocate: a 4096 x 4096 8-bit RGBA image.
pub const MAX_ALLOC: u64 = 64 * 1024 * 1024;

/// One permit per core: decodes beyond that wait their turn.
static DECODES: LazyLock<Arc<Semaphore>> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
    Arc::new(Semaphore::new(cores))
});

/// Decode permits free right now (tests and metrics).
pub fn free_decode_permits() -> usize {
    DECODES.available_permits()
}

/// [`process`] on a blocking thread, behind the per-core semaphore.
pub async fn process_limited(
    bytes: Vec<u8>,
) -> Result<Result<Processed, AvatarError>, tokio::task::JoinError> {
    let permit = DECODES.clone().acquire_owned().await.expect("the semaphore is never closed");
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        process(&bytes)
    })
    .await
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AvatarError {
    NotAnImage,
    Gif,
    Damaged,
    TooLarge,
    TooManyPixels,
    NotOneFile,
    SignedOut,
    TooMany,
    Unverified,
}

impl std::error::Error for AvatarError {}

/// In English (logs); people read [`AvatarError::message`].
impl std::fmt::Display for AvatarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message(Lang::En))
    }
}

impl AvatarError {
    /// What the person reads, in `lang`.
    pub fn message(self, lang: Lang) -> &'static str {
        let id = match self {
            Self::NotAnImage => "err-avatar-not-an-image",
            Self::Gif => "err-avatar-gif",
            Self::Damaged => "err-avatar-damaged",
            Self::TooLarge => "err-avatar-too-large",
            Self::TooManyPixels => "err-avatar-too-many-pixels",
            Self::NotOneFile => "err-avatar-not-one-file",
            Self::SignedOut => "err-unauthorized",
            Self::TooMany => "err-avatar-too-many",
            Self::Unverified => crate::error::UNVERIFIED,
        };
        crate::i18n::tr(lang, id)
    }

    /// A short code for redirects without JavaScript.
    pub fn code(self) -> &'static str {
        match self {
            Self::NotAnImage => "not_an_image",
            Self::Gif => "gif",
            Self::Damaged => "damaged",
            Self::TooLarge => "too_large",
            Self::TooManyPixels => "too_many_pixels",
            Self::NotOneFile => "not_one_file",
            Self::SignedOut => "signed_out",
            Self::TooMany => "too_many",
            Self::Unverified => "unverified",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            Self::NotAnImage,
            Self::Gif,
            Self::Damaged,
            Self::TooLarge,
            Self::TooManyPixels,
            Self::NotOneFile,
            Self::SignedOut,
            Self::TooMany,
            Self::Unverified,
        ]
        .into_iter()
        .find(|e| e.code() == code)
    }
}

/// JPEG bytes of the two sizes.
pub struct Processed {
    pub large: Vec<u8>,
    pub small: Vec<u8>,
}

pub fn process(bytes: &[u8]) -> Result<Processed, AvatarError> {
    if bytes.len() > MAX_BYTES {
        return Err(AvatarError::TooLarge);
    }
    let format = match image::guess_format(bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)) => f,
        Ok(ImageFormat::Gif) => return Err(AvatarError::Gif),
        _ => return Err(AvatarError::NotAnImage),
    };
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let image = reader.decode().map_err(|e| match e {
        ImageError::Limits(l)
            if matches!(l.kind(), LimitErrorKind::DimensionError | LimitErrorKind::InsufficientMemory) =>
        {
            AvatarError::TooManyPixels
        }
        ImageError::Limits(_) => AvatarError::TooManyPixels,
        _ => AvatarError::Damaged,
    })?;
    let square = centre_square(&image);
    Ok(Processed { large: encode(&square, LARGE)?, small: encode(&square, SMALL)? })
}

fn centre_square(image: &DynamicImage) -> DynamicImage {
    let (w, h) = (image.width(), image.height());
    let side = w.min(h);
    image.crop_imm((w - side) / 2, (h - side) / 2, side, side)
}

/// Resizes and encodes as JPEG, flattening transparency onto white.
fn encode(square: &DynamicImage, side: u32) -> Result<Vec<u8>, AvatarError> {
    let resized = square.resize_exact(side, side, FilterType::Triangle).to_rgba8();
    let rgb = RgbImage::from_fn(side, side, |x, y| {
        let p = resized.get_pixel(x, y).0;
        let a = u16::from(p[3]);
        let blend = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
        image::Rgb([blend(p[0]), blend(p[1]), blend(p[2])])
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 85).encode_image(&rgb).map_err(|_| AvatarError::Damaged)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(w, h, image::Rgba([200, 10, 10, 255]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn makes_square_jpegs_of_both_sizes() {
        let p = process(&png(300, 120)).unwrap();
        for (bytes, side) in [(&p.large, LARGE), (&p.small, SMALL)] {
            let img = image::load_from_memory(bytes).unwrap();
            assert_eq!((img.width(), img.height()), (side, side));
            assert_eq!(image::guess_format(bytes).unwrap(), ImageFormat::Jpeg);
        }
    }

    #[test]
    fn refuses_hostile_input() {
        assert_eq!(
            process(b"<svg xmlns='http://www.w3.org/2000/svg'/>").err(),
            Some(AvatarError::NotAnImage)
        );
        assert_eq!(process(b"GIF89a\x01\x00\x01\x00").err(), Some(AvatarError::Gif));
        assert_eq!(process(b"plain text").err(), Some(AvatarError::NotAnImage));
        let full = png(64, 64);
        assert_eq!(process(&full[..full.len() / 2]).err(), Some(AvatarError::Damaged));
        assert_eq!(process(&vec![0u8; MAX_BYTES + 1]).err(), Some(AvatarError::TooLarge));
        assert_eq!(process(&png(4097, 2)).err(), Some(AvatarError::TooManyPixels));
        assert_eq!(AvatarError::TooLarge.to_string(), "Images must be 5 MB or smaller.");
    }

    #[test]
    fn refuses_an_image_whose_pixels_need_more_than_64_mib() {
        // 4096 x 4096 at 16 bits per RGBA channel: a small file, 128 MiB of pixels.
        let img =
            image::ImageBuffer::<image::Rgba<u16>, _>::from_pixel(4096, 4096, image::Rgba([1, 2, 3, 4]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        assert!(out.get_ref().len() < MAX_BYTES);
        assert_eq!(process(out.get_ref()).err(), Some(AvatarError::TooManyPixels));
    }

    #[tokio::test]
    async fn decodes_wait_for_a_free_core() {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
        assert_eq!(free_decode_permits(), cores);
        let held: Vec<_> = futures_hold(cores).await;
        let waited =
            tokio::time::timeout(std::time::Duration::from_millis(200), process_limited(png(8, 8))).await;
        assert!(waited.is_err(), "a decode beyond one per core waits for a permit");
        drop(held);
        assert!(process_limited(png(8, 8)).await.unwrap().is_ok());
        assert_eq!(free_decode_permits(), cores);
    }

    async fn futures_hold(n: usize) -> Vec<tokio::sync::OwnedSemaphorePermit> {
        let mut held = Vec::new();
        for _ in 0..n {
            held.push(DECODES.clone().acquire_owned().await.unwrap());
        }
        held
    }

    #[test]
    fn refuses_a_header_that_claims_huge_dimensions() {
        // A valid PNG signature and IHDR claiming 100000 x 100000 pixels, with no data.
        let mut bomb = png(1, 1);
        bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        assert!(matches!(process(&bomb).err(), Some(AvatarError::TooManyPixels | AvatarError::Damaged)));
    }
}
