/**
 * Frequent family names written last in Latin letters (general knowledge: the most common surnames of the United
 * States and Britain, of Spanish- and Portuguese-speaking countries and the Philippines, of Indonesia, of South Asia
 * and Nepal, of Germany, France and Italy), for a name whose given name is an everyday word or no listed given name
 * (Grant Wilson, Will Harper, Rina Wulandari, Bernadette Cruz Villanueva). Names that are everyday English words or
 * places too (Long, King, Young, Green, White, Brown, Black, West, Rose, Stone, Hunt, Bell, Wood, Cook, Hill, Price,
 * Gray, Wells, Ford, Lima, Costa, Islam, Jordan) and given names (Ryan, Mason) are left out.
 */
export const LATIN_FAMILY_NAMES: ReadonlySet<string> = new Set(
  `Smith Johnson Williams Jones Miller Davis Wilson Anderson Taylor Thomas Moore Jackson Thompson Harris Clark Lewis
  Robinson Walker Allen Wright Scott Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans
  Edwards Collins Stewart Morris Murphy Rogers Morgan Cooper Peterson Reed Bailey Kelly Howard Ward Richardson Watson
  Brooks Bennett Hughes Sanders Myers Ross Foster Harper Fisher Ellis Graham Hamilton Murray Wallace Harrison Gibson
  Marshall Owens Kennedy Henderson Coleman Jenkins Perry Powell Butler Simmons Patterson Barnes Russell Griffin Hayes
  Bryant Sullivan Reynolds Palmer Holmes Warren Dixon Burns Gordon Shaw Webb Tucker Hicks Crawford Boyd Morales
  O'Brien O'Connor Fitzgerald McDonald McCarthy Walsh Byrne Doyle Lynch Quinn Gallagher Garcia Rodriguez Martinez
  Hernandez Lopez Gonzalez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz Reyes Cruz Gutierrez Ortiz Chavez
  Ramos Ruiz Alvarez Mendoza Castillo Jimenez Moreno Romero Herrera Medina Aguilar Vargas Castro Fernandez Guzman
  Santos Bautista Villanueva Mercado Aquino Navarro Soriano Pascual Tolentino Domingo Salazar Valdez Manalo Dizon
  Ocampo Lacson Magbanua Macaraeg Dimaculangan Silva Souza Oliveira Pereira Carvalho Almeida Ferreira Rodrigues Gomes
  Ribeiro Martins Araujo Barbosa Nascimento Cardoso Teixeira Correia Moura Mendes Wijaya Santoso Hidayat Saputra
  Kusuma Pratama Setiawan Nugroho Wibowo Prasetyo Susanto Gunawan Halim Wulandari Lestari Rahayu Kurniawan Hartono
  Siregar Simanjuntak Nasution Hutapea Sitompul Purnomo Suryani Handayani Sharma Patel Singh Kumar Gupta Shah Khan
  Rahman Hossain Uddin Ahmed Chowdhury Begum Akter Gurung Tamang Thapa Shrestha Magar Limbu Adhikari Bhattarai Karki
  Poudel Paudel Sherpa Pandey Mishra Verma Iyer Nair Reddy Rao Muller Schmidt Schneider Fischer Weber Meyer Wagner
  Becker Schulz Hoffmann Dubois Bernard Moreau Laurent Lefebvre Rossi Russo Ferrari Esposito Bianchi Romano Ricci
  Greco Conti`
    .split(/\s+/)
    .filter(Boolean),
);

/** A word that is a frequent family name written last, in any case (Wilson, VILLANUEVA). */
export function isLatinFamilyName(word: string): boolean {
  return LATIN_FAMILY_NAMES.has(word[0] + word.slice(1).toLowerCase()) || LATIN_FAMILY_NAMES.has(word);
}
