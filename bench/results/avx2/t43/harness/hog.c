#include <stdlib.h>
#include <stdio.h>
#include <string.h>
// Streams a buffer of argv[1] MB forever (reads + writes): an L3/DRAM neighbour on the other core.
int main(int c, char** v){ size_t n=(size_t)atoi(v[1])<<20; char* b=malloc(n); memset(b,1,n); volatile long s=0;
 for(;;){ for(size_t i=0;i<n;i+=64){ s+=b[i]; b[i]++; } } }
