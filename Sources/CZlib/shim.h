// zlib, for reading gzip-compressed input files in process (GraphStore's GzipFile).
#include <zlib.h>
